using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Oauth;
using Pass.Web.Data;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>What a person does on their own account pages never ends their own sign-in (the cookie is re-issued).</summary>
public sealed class AccountSessionTests : PassTestBase
{
    [Fact]
    public async Task Opening_the_authenticator_set_up_keeps_the_person_signed_in_while_another_changed_stamp_ends_its_session()
    {
        await App.CreatePersonAsync("ona@test.local");
        var other = await App.CreatePersonAsync("per@test.local");
        using var ona = await PortalSession.SignInAsync(App, "ona@test.local");
        using var per = await PortalSession.SignInAsync(App, "per@test.local");

        // Making the authenticator key changes the security stamp (Identity); the page must re-issue its own cookie.
        var page = await ona.Http.GetAsync("/Account/Manage/EnableAuthenticator");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await App.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByIdAsync(other))!);
        });

        // Past the validation interval (one minute) every cookie is checked against its stamp.
        App.Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(HttpStatusCode.Unauthorized, (await per.Http.GetAsync(PassRoutes.Me)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ona.Http.GetAsync(PassRoutes.Me)).StatusCode);
    }
}

/// <summary>A password Pass made for an administrator to hand over is replaced by the person's own before anything else.</summary>
public sealed class TemporaryPasswordTests : AdminTestBase
{
    private async Task<(string Id, string Password)> CreateWithGeneratedPasswordAsync(string email)
    {
        var created = await Admin.ReadAsync<Pass.Shared.Users.CreateUserResponse>(
            await Admin.PostAsync(PassRoutes.Users, new Pass.Shared.Users.CreateUserRequest(email, "Temp Person")), HttpStatusCode.Created);
        return (created.User.Id, created.GeneratedPassword!);
    }

    [Fact]
    public async Task A_generated_password_sends_every_page_to_change_it_first_and_choosing_one_ends_that_while_a_reset_starts_it_again()
    {
        var (id, given) = await CreateWithGeneratedPasswordAsync("tia@test.local");
        using var tia = await PortalSession.SignInAsync(App, "tia@test.local", given, followRedirects: false);

        var page = await tia.Http.GetAsync("/me/qr?x=1");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/Manage/ChangePassword?ReturnUrl=%2Fme%2Fqr%3Fx%3D1", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await tia.Http.GetAsync("/Account/Manage/ChangePassword")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tia.Http.GetAsync(PassRoutes.Me)).StatusCode);

        await App.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
            return await users.ChangePasswordAsync((await users.FindByIdAsync(id))!, given, "Her-Own-Password-7");
        });
        using var again = await PortalSession.SignInAsync(App, "tia@test.local", "Her-Own-Password-7", followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/me/qr")).StatusCode);

        var reset = await Admin.ReadAsync<Pass.Shared.Users.PasswordResetResponse>(await Admin.PostAsync($"{PassRoutes.Users}/{id}/reset-password"));
        using var afterReset = await PortalSession.SignInAsync(App, "tia@test.local", reset.TemporaryPassword, followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, (await afterReset.Http.GetAsync("/me/qr")).StatusCode);
    }
}
