using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Data;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>
/// A refused sign-in does the same expensive work whether or not the account exists (one password hash verified),
/// so its timing does not tell which; the work is counted here, the timings belong to the hardening runs.
/// </summary>
public sealed class SignInWorkTests : PassTestBase
{
    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verified;

        public int Verified => Volatile.Read(ref _verified);

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Unknown_accounts_and_wrong_passwords_each_verify_one_password_hash_on_the_portal_and_the_password_grant()
    {
        await App.CreatePersonAsync("known@test.local");
        var hasher = new CountingHasher();
        await using var app = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher)));
        var http = app.CreateClient();
        var api = new OAuthApi(app.CreateClient());

        async Task<int> VerificationsOf(Func<Task<HttpResponseMessage>> refusedSignIn, HttpStatusCode refused)
        {
            var before = hasher.Verified;
            Assert.Equal(refused, (await refusedSignIn()).StatusCode);
            return hasher.Verified - before;
        }

        Task<HttpResponseMessage> Portal(string email) => http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest(email, "Not-The-Password-1"));
        Task<HttpResponseMessage> Grant(string email) => api.TokenAsync(TestClient.App, ("grant_type", "password"), ("username", email), ("password", "Not-The-Password-1"));

        Assert.Equal(1, await VerificationsOf(() => Portal("nobody@test.local"), HttpStatusCode.Unauthorized));
        Assert.Equal(1, await VerificationsOf(() => Portal("known@test.local"), HttpStatusCode.Unauthorized));
        Assert.Equal(1, await VerificationsOf(() => Grant("nobody@test.local"), HttpStatusCode.BadRequest));
        Assert.Equal(1, await VerificationsOf(() => Grant("known@test.local"), HttpStatusCode.BadRequest));
    }
}
