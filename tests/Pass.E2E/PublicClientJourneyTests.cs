using Duende.IdentityModel;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;
using Pass.Web.Clients;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.E2E;

/// <summary>Clients without a secret in Chromium: a desktop app on a loopback port of its own, a single-page app on another origin.</summary>
public class PublicClientJourneyTests(ChromiumFixture chromium) : PortalTest(chromium)
{
    [Fact]
    public async Task A_native_app_signs_a_person_in_through_the_browser_to_a_random_loopback_port_with_pkce_and_no_secret()
    {
        await App.CreatePersonAsync("tao@test.local", "Tao Wu");
        var registered = await App.WithScopeAsync(sp => sp.GetRequiredService<ClientRegistry>().RegisterAsync(
            "Campus app", [PassGrantTypes.AuthorizationCode, PassGrantTypes.RefreshToken], null,
            redirectUris: ["http://127.0.0.1/callback"], type: ClientType.Native));
        Assert.Null(registered.ClientSecret);

        // The app listens on whatever port it got, and hears the code there (RFC 8252 §7.3).
        var code = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listener = await LoopbackHost.StartAsync(app => app.MapGet("/callback", (string? code1, HttpContext context) =>
        {
            code.TrySetResult(context.Request.Query["code"].ToString());
            return Results.Content("<html><body><p id='app-done'>You can go back to the app.</p></body></html>", "text/html");
        }));
        var redirect = new Uri(listener.Address, "/callback").ToString();
        var verifier = CryptoRandom.CreateUniqueId(32);
        var url = new RequestUrl(new Uri(BaseAddress, PassRoutes.Authorize).ToString()).CreateAuthorizeUrl(registered.ClientId, OidcConstants.ResponseTypes.Code,
            "openid profile offline_access", redirect, state: "n1",
            codeChallenge: System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))),
            codeChallengeMethod: OidcConstants.CodeChallengeMethods.Sha256);

        await Page.GotoAsync(url);
        await FillSignInAsync(Page, "tao@test.local");
        await Page.Locator("#consent-accept").ClickAsync(new() { Timeout = Patience });
        await Expect(Page.Locator("#app-done")).ToBeVisibleAsync(new() { Timeout = Patience });

        using var http = new HttpClient();
        var tokens = await http.RequestAuthorizationCodeTokenAsync(new AuthorizationCodeTokenRequest
        {
            Address = new Uri(BaseAddress, PassRoutes.Token).ToString(),
            ClientId = registered.ClientId,
            ClientCredentialStyle = ClientCredentialStyle.PostBody,
            Code = await code.Task.WaitAsync(TimeSpan.FromSeconds(30)),
            RedirectUri = redirect,
            CodeVerifier = verifier,
        });
        Assert.False(tokens.IsError, tokens.Error + " " + tokens.ErrorDescription);
        Assert.NotNull(tokens.IdentityToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Api.CheckAsync(tokens.AccessToken)).StatusCode);
        var refreshed = await http.RequestRefreshTokenAsync(new RefreshTokenRequest
        {
            Address = new Uri(BaseAddress, PassRoutes.Token).ToString(), ClientId = registered.ClientId,
            ClientCredentialStyle = ClientCredentialStyle.PostBody, RefreshToken = tokens.RefreshToken!,
        });
        Assert.False(refreshed.IsError, refreshed.Error);
    }

    [Fact]
    public async Task A_single_page_app_on_another_origin_signs_in_and_calls_pass_through_cors_only_while_registered()
    {
        await App.CreatePersonAsync("mei@test.local", "Mei Lin");
        string clientId = "";
        await using var spa = await LoopbackHost.StartAsync(app => TimetableSpa.Map(app, () => BaseAddress, "timetable-spa"));
        var origin = spa.Address.GetLeftPart(UriPartial.Authority);
        clientId = (await App.WithScopeAsync(sp => sp.GetRequiredService<ClientRegistry>().RegisterAsync(
            "Timetable", [PassGrantTypes.AuthorizationCode], null, clientId: "timetable-spa",
            redirectUris: [origin + "/callback"], type: ClientType.Spa, addresses: new ClientAddresses([origin], null, null)))).ClientId;

        await Page.GotoAsync(origin + "/");
        await Page.Locator("#spa-sign-in").ClickAsync();
        await FillSignInAsync(Page, "mei@test.local");
        await Page.Locator("#consent-accept").ClickAsync(new() { Timeout = Patience });
        await Expect(Page.Locator("#spa-user")).ToHaveTextAsync("Signed in as Mei Lin", new() { Timeout = Patience });
        // Both carried an Authorization header, which Chromium sends only after a preflight Pass allowed.
        await Expect(Page.Locator("#spa-check")).ToHaveTextAsync("check_token 200");

        // Switched off, the app's origin gets no CORS: the browser itself refuses the answer.
        await App.WithScopeAsync(sp => sp.GetRequiredService<ClientRegistry>().SetDisabledAsync(clientId, true));
        var blocked = await Page.EvaluateAsync<string>($"fetch('{new Uri(BaseAddress, "/.well-known/openid-configuration")}').then(r => 'answered ' + r.status, e => 'blocked')");
        Assert.Equal("blocked", blocked);
    }
}
