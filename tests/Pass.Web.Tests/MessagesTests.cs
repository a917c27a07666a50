using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Audit;
using Pass.Shared.Cards;
using Pass.Shared.Messages;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>Messages (消息): security notices in a person's inbox (and by SMS), and subsystems' messages through <c>POST /oauth/v2/message</c>.</summary>
public sealed class MessagesTests : AdminTestBase
{
    private const string Email = "mei@test.local";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private string _mei = "";
    private PortalSession _person = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _mei = await App.CreatePersonAsync(Email, "Mei Lin");
        _person = await PortalSession.SignInAsync(App, Email);
    }

    public override async ValueTask DisposeAsync()
    {
        _person.Dispose();
        await base.DisposeAsync();
    }

    private async Task<List<NoticeView>> InboxAsync(PortalSession? who = null) =>
        (await (who ?? _person).Http.GetFromJsonAsync<List<NoticeView>>(PassRoutes.MyNotices, Json))!;

    private async Task<int> UnreadAsync() => await _person.Http.GetFromJsonAsync<int>(PassRoutes.MyNotices + "/unread");

    private Task<List<SmsOutboxMessage>> OutboxAsync() =>
        App.WithScopeAsync(sp => sp.GetRequiredService<PassDbContext>().SmsOutbox.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync());

    private async Task<HttpResponseMessage> SendAsync(TestClient? client = null, params (string Key, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.Message)
        {
            Content = new FormUrlEncodedContent(fields.Length > 0 ? fields.Select(f => KeyValuePair.Create(f.Key, f.Value))
                : [KeyValuePair.Create("sub", _mei), KeyValuePair.Create("title", "Lunch is ready"), KeyValuePair.Create("body", "Counter 3, order 42."),
                    KeyValuePair.Create("link", "https://canteen.example.edu/orders/42")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TerminalTokenAsync(client ?? TestClient.Terminal));
        return await Api.Http.SendAsync(request);
    }

    [Fact]
    public async Task A_phone_linked_and_a_card_reported_lost_each_put_one_notice_in_the_inbox_and_one_sms_in_the_outbox()
    {
        Assert.Equal(HttpStatusCode.OK, (await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{_mei}/phone", new SetPhoneRequest("13800138000"))).StatusCode);
        var card = await Admin.ReadAsync<CardBindingView>(await Admin.PostAsync(PassRoutes.Cards, new BindCardRequest(_mei, "04A23B1C", CardReaderFormat.HexUid)),
            HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.OK, (await _person.PostAsync($"{PassRoutes.Me}/cards/{card.Id}/report-lost")).StatusCode);

        var inbox = await InboxAsync();
        Assert.Equal([NoticeKind.CardReportedLost, NoticeKind.PhoneLinked], inbox.Select(n => n.Kind));
        Assert.Equal(["••••3B1C"], inbox[0].Args);
        Assert.Equal(["+86138****8000"], inbox[1].Args);
        Assert.All(inbox, n => Assert.False(n.IsRead));
        Assert.Equal(2, await UnreadAsync());
        var sms = await OutboxAsync();
        Assert.Equal(2, sms.Count);
        Assert.All(sms, m => Assert.Equal("+8613800138000", m.Phone));
        Assert.Contains("The phone +86138****8000 is now linked", sms[0].Text);
        Assert.Contains("Your card ••••3B1C was reported lost", sms[1].Text);
    }

    [Fact]
    public async Task A_person_without_a_phone_gets_the_notice_and_no_sms()
    {
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"{PassRoutes.Users}/{_mei}/reset-password")).StatusCode);

        Assert.Equal(NoticeKind.PasswordReset, Assert.Single(await App.WithScopeAsync(sp =>
            sp.GetRequiredService<PassDbContext>().Notices.AsNoTracking().Where(n => n.UserId == _mei).ToListAsync())).Kind);
        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task A_subsystem_allowed_messages_sends_a_notice_with_its_name_and_link_and_it_is_audited()
    {
        var response = await SendAsync();
        var sent = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(sent.GetProperty("delivered").GetBoolean());
        var notice = Assert.Single(await InboxAsync());
        Assert.Equal(sent.GetProperty("id").GetGuid(), notice.Id);
        Assert.Equal((NoticeKind.FromSubsystem, "Lunch is ready", "Counter 3, order 42.", "https://canteen.example.edu/orders/42"),
            (notice.Kind, notice.Title, notice.Body, notice.Link));
        Assert.Equal(("terminal-1", "Test terminal-1"), (notice.ClientId, notice.ClientName));
        Assert.Empty(await OutboxAsync()); // subsystems' messages are not among the SMS kinds by default
        var line = Assert.Single((await App.WithScopeAsync(sp => sp.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery(Type: AuditEventType.MessageSent)))).Items);
        Assert.Equal((_mei, "terminal-1", "\"Lunch is ready\"", true), (line.SubjectUserId, line.ClientId, line.Detail, line.Success));
    }

    [Fact]
    public async Task A_client_without_the_permission_and_a_persons_token_are_refused_with_403()
    {
        var bare = await SendAsync(TestClient.Bare);
        using var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.Message)
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("sub", _mei), KeyValuePair.Create("title", "t"), KeyValuePair.Create("body", "b")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (await Api.PersonTokensAsync(Email)).AccessToken);
        var person = await Api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, bare.StatusCode);
        Assert.Equal(OAuthErrors.UnauthorizedClient, (await OAuthApi.ErrorOf(bare)).Error);
        Assert.Equal(HttpStatusCode.Forbidden, person.StatusCode);
        Assert.Empty(await InboxAsync());
    }

    public static TheoryData<string, string, string, string?> BadMessages => new()
    {
        { "", "Title", "Body", null },
        { "{sub}", "", "Body", null },
        { "{sub}", "Title", "", null },
        { "{sub}", new string('t', 61), "Body", null },
        { "{sub}", "Title", new string('b', 501), null },
        { "{sub}", "Title", "Body", "http://canteen.example.edu/" },
        { "{sub}", "Title", "Body", "javascript:alert(1)" },
        { "{sub}", "Title", "Body", "/orders/42" },
        { "{sub}", "Title", "Body", "https://canteen.example.edu@evil.example/orders" },
    };

    [Theory]
    [MemberData(nameof(BadMessages))]
    public async Task A_message_without_a_sub_title_or_body_too_long_or_with_a_link_that_is_not_https_is_400(string sub, string title, string body, string? link)
    {
        (string, string)[] fields = [("sub", sub.Replace("{sub}", _mei)), ("title", title), ("body", body), .. link is null ? [] : new[] { ("link", link) }];

        var response = await SendAsync(null, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(OAuthErrors.InvalidRequest, (await OAuthApi.ErrorOf(response)).Error);
        Assert.Empty(await InboxAsync());
    }

    [Fact]
    public async Task Invisible_formatting_is_taken_out_of_a_message_and_runs_of_empty_lines_are_cut_to_one()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(null, ("sub", _mei), ("title", "Invoice \u202Etxt.exe"), ("body", "Line one\n\n\n\n\nLine two\u200B"))).StatusCode);

        var notice = Assert.Single(await InboxAsync());
        Assert.Equal(("Invoice txt.exe", "Line one\n\nLine two"), (notice.Title, notice.Body));
    }

    [Fact]
    public async Task A_message_to_nobody_is_404_and_one_as_json_is_415()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(null, ("sub", Guid.NewGuid().ToString()), ("title", "t"), ("body", "b"))).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.Message) { Content = JsonContent.Create(new { sub = _mei, title = "t", body = "b" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Api.TerminalTokenAsync());
        var json = await Api.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty((await OAuthApi.ErrorOf(json)).Error));
    }

    [Fact]
    public async Task A_muted_subsystem_reaches_nobody_until_it_is_unmuted()
    {
        Assert.Equal(HttpStatusCode.NoContent, (await _person.Http.PutAsync($"{PassRoutes.MyNotices}/muted/{TestClient.Terminal.ClientId}", null)).StatusCode);
        var muted = await _person.Http.GetFromJsonAsync<List<MutedSubsystem>>(PassRoutes.MyNotices + "/muted", Json);
        Assert.Equal([new MutedSubsystem("terminal-1", "Test terminal-1")], muted);

        var dropped = JsonDocument.Parse(await (await SendAsync()).Content.ReadAsStringAsync()).RootElement;
        Assert.False(dropped.GetProperty("delivered").GetBoolean());
        Assert.Empty(await InboxAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await _person.Http.DeleteAsync($"{PassRoutes.MyNotices}/muted/{TestClient.Terminal.ClientId}")).StatusCode);
        Assert.True(JsonDocument.Parse(await (await SendAsync()).Content.ReadAsStringAsync()).RootElement.GetProperty("delivered").GetBoolean());
        Assert.Single(await InboxAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _person.Http.PutAsync($"{PassRoutes.MyNotices}/muted/no-such-client", null)).StatusCode);
    }

    [Fact]
    public async Task A_notice_is_read_by_its_owner_only_and_all_can_be_read_at_once()
    {
        await SendAsync();
        await SendAsync();
        var first = (await InboxAsync())[0];
        await App.CreatePersonAsync("other@test.local", "Other");
        using var other = await PortalSession.SignInAsync(App, "other@test.local");

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"{PassRoutes.MyNotices}/{first.Id}/read")).StatusCode);
        Assert.Equal(2, await UnreadAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await _person.PostAsync($"{PassRoutes.MyNotices}/{first.Id}/read")).StatusCode);
        Assert.Equal(1, await UnreadAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await _person.PostAsync($"{PassRoutes.MyNotices}/read-all")).StatusCode);
        Assert.Equal(0, await UnreadAsync());
        Assert.Empty(await InboxAsync(other));
    }

    [Fact]
    public async Task A_subsystem_may_send_one_person_only_so_many_messages_an_hour()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync()).StatusCode);
        }

        var refused = await SendAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 3600);
        Assert.Equal(10, (await InboxAsync()).Count);

        App.Time.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync()).StatusCode);
    }

    [Fact]
    public async Task The_unread_count_is_pushed_live_when_a_notice_arrives_and_when_it_is_read()
    {
        using var response = await _person.Http.GetAsync(PassRoutes.MyNotices + "/events", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var events = SseParser.Create(stream).EnumerateAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator();

        Assert.True(await events.MoveNextAsync());
        Assert.Equal((PassEvents.Unread, "0"), (events.Current.EventType, events.Current.Data));
        await SendAsync();
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("1", events.Current.Data);
        await _person.PostAsync($"{PassRoutes.MyNotices}/read-all");
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("0", events.Current.Data);
    }
}

/// <summary>A sign-in from a browser the person has not used before tells them; the first sign-in of all and a known browser do not.</summary>
public sealed class NewDeviceNoticeTests : PassTestBase
{
    private const string Email = "kai@test.local";

    private Task<List<Notice>> NoticesAsync(string userId) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<PassDbContext>().Notices.AsNoTracking().Where(n => n.UserId == userId).ToListAsync());

    private static async Task SignInAsync(HttpClient browser, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.AccountLogin) { Content = JsonContent.Create(new LoginRequest(Email, PassApplication.PersonPassword)) };
        request.Headers.UserAgent.ParseAdd(userAgent);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_second_browser_gets_one_notice_naming_it_and_signing_in_again_from_a_known_browser_gets_none()
    {
        var kai = await App.CreatePersonAsync(Email, "Kai Sun");
        using var first = App.CreateBrowserClient(followRedirects: false);
        using var second = App.CreateBrowserClient(followRedirects: false);

        await SignInAsync(first, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36");
        Assert.Empty(await NoticesAsync(kai));
        await SignInAsync(second, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
        await SignInAsync(first, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36");
        await SignInAsync(second, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");

        var notice = Assert.Single(await NoticesAsync(kai));
        Assert.Equal(NoticeKind.NewDeviceSignIn, notice.Kind);
        Assert.Contains("Safari on iOS", notice.Args);
        var devices = await App.WithScopeAsync(sp => sp.GetRequiredService<PassDbContext>().KnownDevices.AsNoTracking().Where(d => d.UserId == kai).ToListAsync());
        Assert.Equal(["Chrome on Windows", "Safari on iOS"], devices.Select(d => d.Name).Order());
        Assert.All(devices, d => Assert.Equal(64, d.DeviceHash.Length));
        Assert.Single((await App.WithScopeAsync(sp => sp.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery(Type: AuditEventType.NewDeviceSignIn)))).Items);
    }
}
