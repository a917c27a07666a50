using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Sms;
using Pass.Shared.Oauth;
using Pass.Web.Data;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>SPEC §2.5: SMS codes sent through a real (fake) HTTP gateway and redeemed as the seed does.</summary>
public class SmsCodeTests : IAsyncLifetime
{
    private const string Phone = "13800138000";
    private const string E164 = "+8613800138000";

    private FakeSmsGateway _gateway = null!;
    private PassApplication _app = null!;
    private OAuthApi _api = null!;

    public async ValueTask InitializeAsync()
    {
        _gateway = await FakeSmsGateway.StartAsync();
        _app = new PassApplication(settings: new Dictionary<string, string>
        {
            ["Pass:Sms:Gateway:Url"] = _gateway.Url.ToString(),
            ["Pass:Sms:Gateway:Authorization"] = FakeSmsGateway.Authorization,
            ["Pass:Sms:Template"] = "[{title}] Your code is {code}, valid {minutes} min.",
        });
        _api = new OAuthApi(_app.CreateClient());
    }

    public async ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        await _app.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    private async Task<HttpResponseMessage> SendAsync(string query, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{PassRoutes.SmsCode}?{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? await _api.TerminalTokenAsync(TestClient.SmsApp));
        return await _api.Http.SendAsync(request);
    }

    private Task<HttpResponseMessage> RedeemAsync(string code, string phone = Phone) =>
        _api.TokenAsync(TestClient.SmsApp, ("grant_type", "authorization_code"), ("code", $"{phone}.{code}"));

    private Task<string?> PhoneOfAsync(string userId) =>
        _app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(userId))?.PhoneNumber);

    [Fact]
    public async Task A_code_is_sent_through_the_gateway_and_signs_a_new_person_up()
    {
        var sent = await SendAsync($"phone={Phone}&title=Canteen");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Empty(await sent.Content.ReadAsByteArrayAsync());
        var (to, text) = Assert.Single(_gateway.Received);
        Assert.Equal(E164, to);
        Assert.StartsWith("[Canteen] Your code is ", text);

        var tokens = await _api.TokenOkAsync(TestClient.SmsApp, ("grant_type", "authorization_code"), ("code", $"{Phone}.{_gateway.LastCodeTo(E164)}"));
        Assert.Equal(HttpStatusCode.OK, (await _api.CheckAsync(tokens.AccessToken)).StatusCode);
        Assert.Equal("invalid_grant", (await OAuthApi.ErrorOf(await RedeemAsync(_gateway.LastCodeTo(E164))))!.Error);
    }

    /// <summary>
    /// The one outbox message once it is as <paramref name="expected"/> says: the delivery worker saves an attempt after the
    /// gateway has answered it, so the answer can come first.
    /// </summary>
    private async Task<SmsOutboxMessage> OutboxMessageAsync(Func<SmsOutboxMessage, bool> expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var message = await _app.WithScopeAsync(sp => sp.GetRequiredService<PassDbContext>().SmsOutbox.AsNoTracking().SingleAsync());
            if (expected(message))
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the outbox message stayed {message.Status} after {message.Attempts} attempts");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_message_the_gateway_refused_is_tried_again_after_a_doubling_pause_and_its_code_then_works()
    {
        _gateway.Outage.FailNext = 2;

        var sent = await SendAsync($"phone={Phone}&title=Canteen");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, sent.StatusCode);
        Assert.Equal(OAuthErrors.TemporarilyUnavailable, (await OAuthApi.ErrorOf(sent)).Error);
        var pending = await OutboxMessageAsync(m => m.Attempts == 1);
        Assert.Equal((SmsDeliveryStatus.Pending, "gateway answered 503"), (pending.Status, pending.Error));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await _gateway.Outage.NextAnswerAsync());

        _app.Time.Advance(TimeSpan.FromSeconds(10)); // the first pause
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await _gateway.Outage.NextAnswerAsync());
        await OutboxMessageAsync(m => m.Attempts == 2);
        _app.Time.Advance(TimeSpan.FromSeconds(10)); // half of the second pause: a round of the worker with nothing due
        _app.Time.Advance(TimeSpan.FromSeconds(10)); // the second pause is over
        Assert.Equal(HttpStatusCode.OK, await _gateway.Outage.NextAnswerAsync());

        var delivered = await OutboxMessageAsync(m => m.Status == SmsDeliveryStatus.Sent);
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], _gateway.Outage.Answers);
        Assert.Equal((3, (string?)null, (DateTimeOffset?)null), (delivered.Attempts, delivered.Error, delivered.NextAttemptAt));
        var code = _gateway.LastCodeTo(E164);
        Assert.DoesNotContain(code, delivered.Text);
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(code)).StatusCode);
    }

    [Fact]
    public async Task A_message_still_refused_when_its_code_expires_is_given_up_and_its_code_blanked()
    {
        _gateway.Outage.FailNext = 1_000;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await SendAsync($"phone={Phone}&title=Canteen")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await _gateway.Outage.NextAnswerAsync());

        // Pauses of 10, 20, 40 and 80 s, then at most 2 minutes: attempts at 0, 10, 30, 70, 150 and 270 s. The next
        // would come after the code's five minutes, so the sixth is the last.
        foreach (var (pause, attempts) in new[] { (10, 2), (20, 3), (40, 4), (80, 5), (120, 6) })
        {
            await OutboxMessageAsync(m => m.Attempts == attempts - 1);
            _app.Time.Advance(TimeSpan.FromSeconds(pause));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await _gateway.Outage.NextAnswerAsync());
        }

        var given = await OutboxMessageAsync(m => m.Status == SmsDeliveryStatus.GivenUp);
        Assert.Equal(6, given.Attempts);
        Assert.Empty(_gateway.Received);
        Assert.Null(given.NextAttemptAt);
        Assert.DoesNotMatch(@"\d{6}", given.Text);
        Assert.Null(given.CodeInText);
    }

    [Fact]
    public async Task The_audit_log_names_the_subsystem_that_sent_a_code_as_its_actor_not_a_deleted_person()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync($"phone={Phone}&title=Canteen")).StatusCode);

        var log = await _app.WithScopeAsync(sp => sp.GetRequiredService<Pass.Web.Audit.AuditLog>()
            .QueryAsync(new Pass.Shared.Audit.AuditQuery(Type: Pass.Shared.Audit.AuditEventType.SmsCodeSent)));

        var line = Assert.Single(log.Items);
        Assert.Equal(TestClient.SmsApp.ClientId, line.ActorId);
        Assert.Equal("Test " + TestClient.SmsApp.ClientId, line.ActorName);
        Assert.False(line.ActorDeleted);
    }

    [Fact]
    public async Task Abort_modes_send_nothing_yet_answer_200()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync($"phone={Phone}&abort=if_not_exists")).StatusCode);
        Assert.Empty(_gateway.Received);

        var id = await _app.CreatePersonAsync("phone-owner@test.local");
        await _app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.SetPhoneNumberAsync((await users.FindByIdAsync(id))!, E164);
        });
        Assert.Equal(HttpStatusCode.OK, (await SendAsync($"phone={Phone}&abort=if_exists")).StatusCode);
        Assert.Empty(_gateway.Received);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync($"phone={Phone}&abort=if_not_exists")).StatusCode);
        var tokens = await _api.TokenOkAsync(TestClient.SmsApp, ("grant_type", "authorization_code"), ("code", $"{Phone}.{_gateway.LastCodeTo(E164)}"));
        var check = System.Text.Json.JsonDocument.Parse(await (await _api.CheckAsync(tokens.AccessToken)).Content.ReadAsStringAsync());
        Assert.Equal(id, check.RootElement.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Five_wrong_tries_kill_the_code()
    {
        await SendAsync($"phone={Phone}");
        var right = _gateway.LastCodeTo(E164);
        var wrong = right == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("invalid_grant", (await OAuthApi.ErrorOf(await RedeemAsync(wrong))).Error);
        }

        Assert.Equal("invalid_grant", (await OAuthApi.ErrorOf(await RedeemAsync(right))).Error);
    }

    [Fact]
    public async Task A_code_expires_after_its_lifetime()
    {
        await SendAsync($"phone={Phone}");
        _app.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("invalid_grant", (await OAuthApi.ErrorOf(await RedeemAsync(_gateway.LastCodeTo(E164)))).Error);
    }

    [Fact]
    public async Task Phone_conflict_replace_moves_the_phone_to_the_tokens_person()
    {
        var holder = await _app.CreatePersonAsync("old-holder@test.local");
        await _app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.SetPhoneNumberAsync((await users.FindByIdAsync(holder))!, E164);
        });
        var newcomer = await _app.CreatePersonAsync("newcomer@test.local");
        var personToken = (await _api.TokenOkAsync(TestClient.SmsApp, ("grant_type", "password"), ("username", "newcomer@test.local"), ("password", PassApplication.PersonPassword))).AccessToken;

        Assert.Equal(HttpStatusCode.OK, (await SendAsync($"phone={Phone}&phone_conflict=replace", personToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(_gateway.LastCodeTo(E164))).StatusCode);

        Assert.Equal(E164, await PhoneOfAsync(newcomer));
        Assert.Null(await PhoneOfAsync(holder));
    }

    [Fact]
    public async Task Sending_too_often_is_429_with_retry_after()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync($"phone={Phone}")).StatusCode);
        var again = await SendAsync($"phone={Phone}");

        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.True(again.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.Single(_gateway.Received);
        _app.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync($"phone={Phone}")).StatusCode);
    }

    [Fact]
    public async Task Bad_requests_are_refused_clearly()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync("phone=12")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync($"phone={Phone}&abort=sometimes")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync($"phone={Phone}&phone_conflict=replace")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync($"phone={Phone}", await _api.TerminalTokenAsync(TestClient.Terminal))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.Http.GetAsync($"{PassRoutes.SmsCode}?phone={Phone}")).StatusCode);
        Assert.Equal("invalid_grant", (await OAuthApi.ErrorOf(await RedeemAsync("123456"))).Error);
        Assert.Empty(_gateway.Received);
    }
}
