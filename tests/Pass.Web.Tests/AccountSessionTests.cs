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
