using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.QrLogin;
using Pass.Web.Client.Pages.Admin;

namespace Pass.Web.Client.Tests;

public class AdminDashboardTests : PortalTestContext
{
    private readonly CountingBoard _board = new();

    public AdminDashboardTests()
    {
        Services.AddSingleton<IQrBoard>(_board);
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles("Admin");
        SetRendererInfo(new RendererInfo("WebAssembly", isInteractive: true));
    }

    [Fact]
    public void The_counters_follow_the_live_board_without_a_reload()
    {
        var cut = Render<AdminDashboard>();
        cut.WaitForAssertion(() => Assert.Contains("0 · 0", cut.Find("[data-testid=dashboard-counts]").TextContent));

        _board.QrToday = 1;
        _board.Push(new QrBoardEntry("s-1", "u-1", "Uma", QrSessionStatus.Unused, Time.GetUtcNow(), Time.GetUtcNow().AddMinutes(2), null, null, null));

        cut.WaitForAssertion(() => Assert.Contains("1 · 0", cut.Find("[data-testid=dashboard-counts]").TextContent));
    }

    private sealed class CountingBoard : IQrBoard
    {
        private readonly Channel<QrBoardEntry> _events = Channel.CreateUnbounded<QrBoardEntry>();

        public int QrToday { get; set; }

        public void Push(QrBoardEntry entry) => _events.Writer.TryWrite(entry);

        public Task<IReadOnlyList<QrBoardEntry>> RecentAsync(int count, CancellationToken ct = default) =>
            Task.FromResult<IReadOnlyList<QrBoardEntry>>([]);

        public Task<DashboardCounts> CountsAsync(CancellationToken ct = default) =>
            Task.FromResult(new DashboardCounts(3, 2, 5, 1, QrToday, 0));

        public async IAsyncEnumerable<QrBoardEntry> WatchAsync([EnumeratorCancellation] CancellationToken ct)
        {
            await foreach (var entry in _events.Reader.ReadAllAsync(ct))
            {
                yield return entry;
            }
        }
    }
}
