using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Audit;
using Pass.Shared.Kiosk;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>
/// "Scan to sign in on this screen" (RFC 8628 through OpenIddict): the kiosk asks, a signed-in phone approves or
/// denies, and the kiosk's browser becomes signed in with a one-time token.
/// </summary>
public class KioskSignInTests : PassTestBase
{
    private const string Phone = "phone@test.local";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string _phoneId = "";
    private HttpClient _kiosk = null!;
    private PortalSession _phone = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _phoneId = await App.CreatePersonAsync(Phone, "Phone Owner");
        _kiosk = NewBrowser();
        _phone = await PortalSession.SignInAsync(App, Phone, followRedirects: false);
    }

    public override async ValueTask DisposeAsync()
    {
        _kiosk.Dispose();
        _phone.Dispose();
        await base.DisposeAsync();
    }

    private HttpClient NewBrowser() => App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    private async Task<DeviceAuthorizationResponse> StartAsync(string? deviceName = null)
    {
        var form = new List<KeyValuePair<string, string>> { new("client_id", KioskClient.ClientId) };
        if (deviceName is not null)
        {
            form.Add(new(PassParameters.DeviceName, deviceName));
        }

        var response = await _kiosk.PostAsync(PassRoutes.DeviceAuthorization, new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<DeviceAuthorizationResponse>(body)!;
    }

    private Task<HttpResponseMessage> RedeemAsync(string deviceCode) =>
        _kiosk.PostAsync(PassRoutes.Token, new FormUrlEncodedContent([
            new("grant_type", PassGrantTypes.DeviceCode), new("device_code", deviceCode), new("client_id", KioskClient.ClientId)]));

    private Task<HttpResponseMessage> DecideAsync(string userCode, string decision) =>
        _phone.Http.PostAsync(PassRoutes.KioskDecide, new FormUrlEncodedContent([new("user_code", userCode), new("decision", decision)]));

    private async Task<HttpResponseMessage> BridgeAsync(HttpClient browser, string? accessToken)
    {
        var antiforgery = (await browser.GetFromJsonAsync<AntiforgeryToken>(PassRoutes.Antiforgery))!;
        var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.KioskSession);
        request.Headers.Add(antiforgery.HeaderName, antiforgery.Token);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await browser.SendAsync(request);
    }

    [Fact]
    public async Task A_kiosk_approved_from_a_phone_becomes_signed_in_as_that_person()
    {
        var code = await StartAsync("Library kiosk 2");
        Assert.EndsWith(PassRoutes.KioskVerify, code.VerificationUri);
        Assert.Contains("user_code=", code.VerificationUriComplete);
        Assert.Equal("authorization_pending", (await OAuthApi.ErrorOf(await RedeemAsync(code.DeviceCode))).Error);

        // The phone opens the QR code's address and sees which device asks (its address: the browser journey).
        var page = await _phone.Http.GetStringAsync(new Uri(code.VerificationUriComplete).PathAndQuery);
        Assert.Contains("Library kiosk 2", page);
        Assert.Contains("kiosk-approve", page);

        var decided = await DecideAsync(code.UserCode, "approve");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal($"{PassRoutes.KioskVerify}?result=approved", decided.Headers.Location!.OriginalString);

        var redeemed = await RedeemAsync(code.DeviceCode);
        var tokens = JsonSerializer.Deserialize<TokenResponse>(await redeemed.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await BridgeAsync(_kiosk, tokens.AccessToken)).StatusCode);
        var me = await _kiosk.GetFromJsonAsync<Me>(PassRoutes.Me, Json);
        Assert.Equal(Phone, me!.Email);

        // The token only carried the approval into the kiosk's browser: it is spent.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CheckAsync(tokens.AccessToken)).StatusCode);
        Assert.Equal("invalid_grant", (await OAuthApi.ErrorOf(await RedeemAsync(code.DeviceCode))).Error);
        var audit = await App.WithScopeAsync(sp => sp.GetRequiredService<Pass.Web.Audit.AuditLog>()
            .QueryAsync(new AuditQuery(PageSize: 50)));
        Assert.Contains(audit.Items, e => e.Type == AuditEventType.KioskSignInApproved && e.Detail!.Contains("Library kiosk 2"));
        Assert.Contains(audit.Items, e => e.Type == AuditEventType.KioskSignIn);
    }

    [Fact]
    public async Task A_device_is_told_how_often_to_poll_and_one_polling_faster_hears_slow_down()
    {
        var code = await StartAsync();
        Assert.Equal(5, code.Interval);

        Assert.Equal("authorization_pending", (await OAuthApi.ErrorOf(await RedeemAsync(code.DeviceCode))).Error);
        App.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("slow_down", (await OAuthApi.ErrorOf(await RedeemAsync(code.DeviceCode))).Error);
        App.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal("authorization_pending", (await OAuthApi.ErrorOf(await RedeemAsync(code.DeviceCode))).Error);

        // Approved, it is redeemed at once: waiting is for codes that still wait.
        await DecideAsync(code.UserCode, "approve");
        Assert.Equal(HttpStatusCode.OK, (await RedeemAsync(code.DeviceCode)).StatusCode);
    }

    [Fact]
    public async Task A_denied_request_is_access_denied_for_the_kiosk()
    {
        var code = await StartAsync();
        var decided = await DecideAsync(code.UserCode, "deny");
        Assert.Equal($"{PassRoutes.KioskVerify}?result=denied", decided.Headers.Location!.OriginalString);

        Assert.Equal("access_denied", (await OAuthApi.ErrorOf(await RedeemAsync(code.DeviceCode))).Error);
    }

    [Fact]
    public async Task A_decided_code_cannot_be_decided_again_and_replaying_it_cancels_the_sign_in()
    {
        var code = await StartAsync();
        await DecideAsync(code.UserCode, "approve");

        var again = await DecideAsync(code.UserCode, "approve");
        Assert.Equal($"{PassRoutes.KioskVerify}?error=invalid", again.Headers.Location!.OriginalString);
        Assert.Equal("invalid_grant", (await OAuthApi.ErrorOf(await RedeemAsync(code.DeviceCode))).Error);
    }

    [Fact]
    public async Task An_unknown_code_is_explained_on_the_phone()
    {
        var page = await _phone.Http.GetStringAsync($"{PassRoutes.KioskVerify}?user_code=NOPE-NOPE");
        Assert.Contains("kiosk-verify-error", page);
        Assert.DoesNotContain("kiosk-approve", page);

        var decided = await DecideAsync("NOPE-NOPE", "approve");
        Assert.Equal($"{PassRoutes.KioskVerify}?error=invalid", decided.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_request_nobody_decides_expires()
    {
        var code = await StartAsync();
        App.Time.Advance(TimeSpan.FromSeconds(code.ExpiresIn + 1));

        Assert.Equal("expired_token", (await OAuthApi.ErrorOf(await RedeemAsync(code.DeviceCode))).Error);
        var page = await _phone.Http.GetStringAsync(new Uri(code.VerificationUriComplete).PathAndQuery);
        Assert.Contains("kiosk-verify-error", page);
    }

    [Fact]
    public async Task The_kiosk_is_told_of_the_approval_as_it_happens()
    {
        var code = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.KioskEvents) { Content = JsonContent.Create(new KioskWatchRequest(code.DeviceCode)) };
        using var response = await _kiosk.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var events = SseParser.Create(stream).EnumerateAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator();

        Assert.True(await events.MoveNextAsync());
        Assert.Equal(KioskSignInStatus.Pending, JsonSerializer.Deserialize<KioskStatusView>(events.Current.Data, Json)!.Status);
        await DecideAsync(code.UserCode, "approve");

        Assert.True(await events.MoveNextAsync());
        Assert.Equal(KioskSignInStatus.Approved, JsonSerializer.Deserialize<KioskStatusView>(events.Current.Data, Json)!.Status);
        Assert.False(await events.MoveNextAsync());
    }

    [Fact]
    public async Task Only_the_holder_of_a_device_code_can_watch_it()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _kiosk.PostAsJsonAsync(PassRoutes.KioskEvents, new KioskWatchRequest("made-up"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _kiosk.PostAsJsonAsync(PassRoutes.KioskEvents, new KioskWatchRequest(null))).StatusCode);
    }

    [Fact]
    public async Task The_browser_sign_in_takes_only_a_kiosk_token_issued_for_a_person()
    {
        using var browser = NewBrowser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await BridgeAsync(browser, null)).StatusCode);
        var personal = (await Api.PersonTokensAsync(Phone)).AccessToken;
        Assert.Equal(HttpStatusCode.Unauthorized, (await BridgeAsync(browser, personal)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(PassRoutes.Me)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.CheckAsync(personal)).StatusCode);
    }

    [Fact]
    public async Task A_locked_person_cannot_approve()
    {
        var code = await StartAsync();
        using var admin = await PortalSession.AdminAsync(App);
        Assert.True((await admin.PostAsync($"{PassRoutes.Users}/{_phoneId}/lock")).IsSuccessStatusCode);

        await DecideAsync(code.UserCode, "approve");
        Assert.NotEqual(HttpStatusCode.OK, (await RedeemAsync(code.DeviceCode)).StatusCode);
    }

    [Fact]
    public async Task The_kiosk_client_cannot_be_given_a_secret_or_other_grants()
    {
        using var admin = await PortalSession.AdminAsync(App);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"{PassRoutes.Clients}/{KioskClient.ClientId}/secret")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Http.PutAsJsonAsync($"{PassRoutes.Clients}/{KioskClient.ClientId}",
            new Pass.Shared.Clients.UpdateClientRequest("Mine", [PassGrantTypes.Password]))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"{PassRoutes.Clients}/{KioskClient.ClientId}/disable")).StatusCode);
        var code = await StartAsync();
        await DecideAsync(code.UserCode, "approve");
        Assert.Equal("invalid_client", (await OAuthApi.ErrorOf(await RedeemAsync(code.DeviceCode))).Error);
    }
}
