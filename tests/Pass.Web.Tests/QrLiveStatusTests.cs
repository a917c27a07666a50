using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>The portal's QR page is told of a redemption or an expiry as it happens, over server-sent events.</summary>
public class QrLiveStatusTests : PassTestBase
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<(PortalSession Person, PortalQrCode Code)> IssueAsync()
    {
        await App.CreatePersonAsync("tess@test.local");
        var person = await PortalSession.SignInAsync(App, "tess@test.local");
        return (person, await person.ReadAsync<PortalQrCode>(await person.PostAsync($"{PassRoutes.Me}/qr")));
    }

    private static async IAsyncEnumerable<QrSessionView> EventsAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(TestContext.Current.CancellationToken))
        {
            Assert.Equal("status", item.EventType);
            yield return JsonSerializer.Deserialize<QrSessionView>(item.Data, Json)!;
        }
    }

    [Fact]
    public async Task A_watcher_sees_unused_then_used_with_the_terminal_that_redeemed_it()
    {
        var (person, code) = await IssueAsync();
        using var _ = person;
        using var response = await person.Http.GetAsync($"{PassRoutes.Me}/qr/{code.Session}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = EventsAsync(response).GetAsyncEnumerator();

        Assert.True(await events.MoveNextAsync());
        Assert.Equal(QrSessionStatus.Unused, events.Current.Status);
        await Api.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", code.AuthCode));

        Assert.True(await events.MoveNextAsync());
        Assert.Equal(QrSessionStatus.Used, events.Current.Status);
        Assert.Equal("Test " + TestClient.Terminal.ClientId, events.Current.RedeemedByClientName);
        Assert.False(await events.MoveNextAsync());
    }

    [Fact]
    public async Task A_watcher_sees_the_code_expire_when_its_lifetime_passes()
    {
        var (person, code) = await IssueAsync();
        using var _ = person;
        using var response = await person.Http.GetAsync($"{PassRoutes.Me}/qr/{code.Session}/events", HttpCompletionOption.ResponseHeadersRead);
        var events = EventsAsync(response).GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());

        App.Time.Advance(TimeSpan.FromSeconds(code.ExpiresIn));

        Assert.True(await events.MoveNextAsync());
        Assert.Equal(QrSessionStatus.Expired, events.Current.Status);
        Assert.False(await events.MoveNextAsync());
    }

    [Fact]
    public async Task The_administrators_board_sees_a_code_shown_then_used_and_a_person_cannot_watch_it()
    {
        using var admin = await PortalSession.AdminAsync(App);
        using var board = await admin.Http.GetAsync(PassRoutes.Api + "/qr-board/events", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await board.Content.ReadAsStreamAsync();
        var events = SseParser.Create(stream).EnumerateAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("ready", events.Current.EventType);

        var (person, code) = await IssueAsync();
        using var _ = person;
        Assert.True(await events.MoveNextAsync());
        var shown = JsonSerializer.Deserialize<QrBoardEntry>(events.Current.Data, Json)!;
        await Api.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", code.AuthCode));
        Assert.True(await events.MoveNextAsync());
        var used = JsonSerializer.Deserialize<QrBoardEntry>(events.Current.Data, Json)!;

        Assert.Equal((code.Session, QrSessionStatus.Unused), (shown.Session, shown.State));
        Assert.Equal((code.Session, QrSessionStatus.Used), (used.Session, used.State));
        Assert.Equal("Test " + TestClient.Terminal.ClientId, used.RedeemedByClientName);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.Http.GetAsync(PassRoutes.Api + "/qr-board/events")).StatusCode);
        var counts = await admin.ReadAsync<DashboardCounts>(await admin.Http.GetAsync(PassRoutes.Api + "/qr-board/counts"));
        Assert.Equal((1, 1), (counts.QrSessionsToday, counts.QrUsedToday));
    }

    [Fact]
    public async Task Another_person_cannot_watch_the_session()
    {
        var (person, code) = await IssueAsync();
        person.Dispose();
        await App.CreatePersonAsync("uma@test.local");
        using var stranger = await PortalSession.SignInAsync(App, "uma@test.local");

        var response = await stranger.Http.GetAsync($"{PassRoutes.Me}/qr/{code.Session}/events");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Open_streams_end_when_the_server_begins_to_stop_so_shutdown_does_not_wait_for_them()
    {
        var (person, code) = await IssueAsync();
        using var _ = person;
        using var admin = await PortalSession.AdminAsync(App);
        using var watch = await person.Http.GetAsync($"{PassRoutes.Me}/qr/{code.Session}/events", HttpCompletionOption.ResponseHeadersRead);
        using var board = await admin.Http.GetAsync(PassRoutes.Api + "/qr-board/events", HttpCompletionOption.ResponseHeadersRead);
        var status = EventsAsync(watch).GetAsyncEnumerator();
        await using var boardStream = await board.Content.ReadAsStreamAsync();
        var boardEvents = SseParser.Create(boardStream).EnumerateAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator();
        Assert.True(await status.MoveNextAsync());
        Assert.Equal(QrSessionStatus.Unused, status.Current.Status);
        Assert.True(await boardEvents.MoveNextAsync());

        App.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        // Nothing changed and the code is still valid: only the stop can end the streams (without it they stay open
        // until the code expires, and the host's shutdown waits for them).
        // (A generous bound, only so that a regression fails instead of hanging the run.)
        Assert.False(await status.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.False(await boardEvents.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }
}
