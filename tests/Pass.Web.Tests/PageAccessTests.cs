using System.Net;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>Every portal page as anonymous, a person, the helpdesk and an administrator: shown, or sent to sign in / access denied.</summary>
public class PageAccessTests : PassTestBase
{
    private const string Shown = "shown";
    private const string SignIn = "sign-in";
    private const string Denied = "denied";

    public static TheoryData<string, string, string, string, string> Pages => new()
    {
        // page, anonymous, User, Helpdesk, Admin
        { "/", Shown, Shown, Shown, Shown },
        { "/me/qr", SignIn, Shown, Shown, Shown },
        { "/me/cards", SignIn, Shown, Shown, Shown },
        { "/me/tokens", SignIn, Shown, Shown, Shown },
        { "/helpdesk/cards", SignIn, Denied, Shown, Shown },
        { "/Account/Manage", SignIn, Shown, Shown, Shown },
        { "/Account/Manage/ChangePassword", SignIn, Shown, Shown, Shown },
        { "/login/qr", Shown, Shown, Shown, Shown },
        { "/login/qr/verify", SignIn, Shown, Shown, Shown },
        { "/admin/users", SignIn, Denied, Denied, Shown },
        { "/admin/clients", SignIn, Denied, Denied, Shown },
        { "/admin/tokens", SignIn, Denied, Denied, Shown },
        { "/admin/audit", SignIn, Denied, Denied, Shown },
        { "/admin/qr", SignIn, Denied, Denied, Shown },
        { "/admin", SignIn, Denied, Denied, Shown },
        { "/admin/sms", SignIn, Denied, Denied, Shown },
        { "/Account/Manage/ConnectedSites", SignIn, Shown, Shown, Shown },
        { "/oauth/consent?client_id=web-site", SignIn, Shown, Shown, Shown },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_role_gets_the_expected_answer(string page, string anonymous, string user, string helpdesk, string admin)
    {
        await App.CreatePersonAsync("user@test.local");
        await App.CreatePersonAsync("desk@test.local", "Desk", PassRoles.Helpdesk);
        using var anonymousClient = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var userSession = await PortalSession.SignInAsync(App, "user@test.local", followRedirects: false);
        using var deskSession = await PortalSession.SignInAsync(App, "desk@test.local", followRedirects: false);
        using var adminSession = await PortalSession.SignInAsync(App, PassApplication.AdminEmail, PassApplication.AdminPassword, followRedirects: false);

        Assert.Equal(anonymous, Classify(await anonymousClient.GetAsync(page)));
        Assert.Equal(user, Classify(await userSession.Http.GetAsync(page)));
        Assert.Equal(helpdesk, Classify(await deskSession.Http.GetAsync(page)));
        Assert.Equal(admin, Classify(await adminSession.Http.GetAsync(page)));
    }

    private static string Classify(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.OK => Shown,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => SignIn,
        HttpStatusCode.Redirect when response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => Denied,
        _ => $"{(int)response.StatusCode} {response.Headers.Location}",
    };
}
