using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Messages;
using Pass.Web.Client.Components;
using Pass.Web.Client.Pages;

namespace Pass.Web.Client.Tests;

public class InboxTests : PortalTestContext
{
    private readonly InMemoryInbox _inbox = new();

    public InboxTests()
    {
        Services.AddSingleton<IInbox>(_inbox);
        AddAuthorization().SetAuthorized("mei@test.local");
        SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));
    }

    private static NoticeView Lost(bool read = false) =>
        new(Guid.NewGuid(), NoticeKind.CardReportedLost, ["••••3B1C"], new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero), read);

    private static NoticeView FromCanteen() =>
        new(Guid.NewGuid(), NoticeKind.FromSubsystem, [], new DateTimeOffset(2026, 11, 25, 7, 30, 0, TimeSpan.Zero), false,
            "canteen", "Canteen", "Lunch is ready", "Counter 3.", "https://canteen.example.edu/42");

    [Fact]
    public void A_security_notice_reads_in_the_persons_language_with_its_values()
    {
        _inbox.Notices.Add(Lost());
        UseCulture("zh-CN");

        var cut = Render<MyMessages>();

        cut.WaitForAssertion(() => Assert.Equal("卡已挂失", cut.Find("[data-testid=notice-title]").TextContent));
        Assert.Equal("您的卡 ••••3B1C 已挂失，用它签发的令牌已全部撤销。", cut.Find("[data-testid=notice-body]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=notice-mute]")); // Pass's own notices cannot be muted
    }

    [Fact]
    public void A_subsystems_message_shows_its_sender_and_link_and_can_be_muted_and_read()
    {
        _inbox.Notices.Add(FromCanteen());
        var cut = Render<MyMessages>();

        cut.WaitForAssertion(() => Assert.Equal("Lunch is ready", cut.Find("[data-testid=notice-title]").TextContent));
        Assert.Contains("From Canteen", cut.Markup);
        Assert.Equal("https://canteen.example.edu/42", cut.Find("[data-testid=notice-link]").GetAttribute("href"));
        Assert.Equal("noopener noreferrer", cut.Find("[data-testid=notice-link]").GetAttribute("rel"));

        cut.Find("[data-testid=notice-mute]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=inbox-muted] [data-client=canteen]")));
        Assert.Equal(["canteen"], _inbox.MutedIds);
        Assert.Empty(cut.FindAll("[data-testid=notice-mute]"));

        cut.Find("[data-testid=notice-read]").Click();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=notice]").GetAttribute("data-read")));
    }

    [Fact]
    public void The_bell_shows_the_unread_count_as_it_changes()
    {
        var cut = Render<InboxBell>();

        _inbox.Unread.Writer.TryWrite(0);
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("#inbox-bell").GetAttribute("data-unread")));
        Assert.Empty(cut.FindAll(".mud-badge"));

        _inbox.Unread.Writer.TryWrite(3);
        cut.WaitForAssertion(() => Assert.Contains("3", cut.Find(".mud-badge").TextContent));
        Assert.Equal("My messages: 3 unread", cut.Find("#inbox-bell").GetAttribute("aria-label"));
    }

    private sealed class InMemoryInbox : IInbox
    {
        public List<NoticeView> Notices { get; } = [];

        public List<string> MutedIds { get; } = [];

        public Channel<int> Unread { get; } = Channel.CreateUnbounded<int>();

        public Task<IReadOnlyList<NoticeView>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<NoticeView>>([.. Notices]);

        public Task<int> UnreadCountAsync(CancellationToken ct = default) => Task.FromResult(Notices.Count(n => !n.IsRead));

        public Task<bool> MarkReadAsync(Guid id, CancellationToken ct = default)
        {
            var index = Notices.FindIndex(n => n.Id == id);
            if (index >= 0)
            {
                Notices[index] = Notices[index] with { IsRead = true };
            }

            return Task.FromResult(index >= 0);
        }

        public Task MarkAllReadAsync(CancellationToken ct = default)
        {
            Notices.ForEach(n => MarkReadAsync(n.Id));
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<MutedSubsystem>> MutedAsync(CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<MutedSubsystem>>([.. MutedIds.Select(id => new MutedSubsystem(id, Notices.First(n => n.ClientId == id).ClientName!))]);

        public Task<bool> SetMutedAsync(string clientId, bool muted, CancellationToken ct = default)
        {
            if (muted)
            {
                MutedIds.Add(clientId);
            }
            else
            {
                MutedIds.Remove(clientId);
            }

            return Task.FromResult(true);
        }

        public async IAsyncEnumerable<int> WatchUnreadAsync([EnumeratorCancellation] CancellationToken ct = default)
        {
            await foreach (var count in Unread.Reader.ReadAllAsync(ct))
            {
                yield return count;
            }
        }
    }
}
