using Bunit;
using Pass.Shared.QrLogin;
using Pass.Web.Client.Components;

namespace Pass.Web.Client.Tests;

public class QrBoardTableTests : PortalTestContext
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private static QrBoardEntry Entry(string session, QrSessionStatus state, string? client = null) =>
        new(session, "u-1", "Tess <tess@test.local>", state, Start, Start.AddSeconds(120), client is null ? null : "pos-1", client, client is null ? null : Start.AddSeconds(30));

    [Fact]
    public void Statuses_follow_the_clock_and_a_used_code_names_its_terminal()
    {
        var entries = new[] { Entry("a", QrSessionStatus.Unused), Entry("b", QrSessionStatus.Used, "Canteen POS 3") };

        var before = Render<QrBoardTable>(p => p.Add(x => x.Entries, entries).Add(x => x.Now, Start.AddSeconds(60)));
        var after = Render<QrBoardTable>(p => p.Add(x => x.Entries, entries).Add(x => x.Now, Start.AddSeconds(120)));

        Assert.Equal("unused", before.Find("[data-session=a]").GetAttribute("data-status"));
        Assert.Equal("expired", after.Find("[data-session=a]").GetAttribute("data-status"));
        Assert.Equal("used", after.Find("[data-session=b]").GetAttribute("data-status"));
        Assert.Contains("Canteen POS 3", after.Markup);
    }
}
