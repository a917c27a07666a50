using System.Net;
using System.Net.Http.Json;
using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Data;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>
/// A refused sign-in does the same expensive work whether or not the account exists (one password hash verified, one
/// commit), so its timing does not tell which; the work is counted here, the timings belong to the hardening runs.
/// </summary>
public sealed class SignInWorkTests : PassTestBase
{
    /// <summary>Commits: of transactions, and of writes outside one (each is its own).</summary>
    private sealed class CommitCounter : IDbTransactionInterceptor, IDbCommandInterceptor
    {
        private int _commits;

        public int Commits => Volatile.Read(ref _commits);

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _commits);
            return Task.CompletedTask;
        }

        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _commits);

        public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            CountAutocommit(command);
            return ValueTask.FromResult(result);
        }

        public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            CountAutocommit(command);
            return ValueTask.FromResult(result);
        }

        private void CountAutocommit(DbCommand command)
        {
            var text = command.CommandText.TrimStart();
            if (command.Transaction is null && (text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)))
            {
                Interlocked.Increment(ref _commits);
            }
        }
    }

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
    public async Task Unknown_accounts_and_wrong_passwords_each_verify_one_password_hash_and_commit_once_everywhere()
    {
        await App.CreatePersonAsync("known@test.local");
        var hasher = new CountingHasher();
        var commits = new CommitCounter();
        await using var app = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s
            .AddSingleton<IPasswordHasher<ApplicationUser>>(hasher)
            .AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(commits)));
        var http = app.CreateClient();
        var api = new OAuthApi(app.CreateClient());
        using var page = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        async Task<(int Hashes, int Commits)> WorkOf(Func<Task<HttpResponseMessage>> refusedSignIn, HttpStatusCode refused)
        {
            var (hashes, written) = (hasher.Verified, commits.Commits);
            Assert.Equal(refused, (await refusedSignIn()).StatusCode);
            return (hasher.Verified - hashes, commits.Commits - written);
        }

        Task<HttpResponseMessage> Portal(string email) => http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest(email, "Not-The-Password-1"));
        Task<HttpResponseMessage> Grant(string email) => api.TokenAsync(TestClient.App, ("grant_type", "password"), ("username", email), ("password", "Not-The-Password-1"));
        async Task<HttpResponseMessage> LoginPage(string email)
        {
            var form = await page.GetStringAsync("/Account/Login");
            var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            return await page.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["_handler"] = "login", ["Input.Email"] = email, ["Input.Password"] = "Not-The-Password-1",
            }));
        }

        Assert.Equal((1, 1), await WorkOf(() => Portal("nobody@test.local"), HttpStatusCode.Unauthorized));
        Assert.Equal((1, 1), await WorkOf(() => Portal("known@test.local"), HttpStatusCode.Unauthorized));
        Assert.Equal((1, 1), await WorkOf(() => Grant("nobody@test.local"), HttpStatusCode.BadRequest));
        Assert.Equal((1, 1), await WorkOf(() => Grant("known@test.local"), HttpStatusCode.BadRequest));
        Assert.Equal((1, 1), await WorkOf(() => LoginPage("nobody@test.local"), HttpStatusCode.OK));
        Assert.Equal((1, 1), await WorkOf(() => LoginPage("known@test.local"), HttpStatusCode.OK));

        // Locked by now (five wrong passwords): still one hash and one commit, not a faster "locked" answer.
        Assert.Equal((1, 1), await WorkOf(() => Portal("known@test.local"), HttpStatusCode.Unauthorized));
        Assert.Equal((1, 1), await WorkOf(() => Grant("known@test.local"), HttpStatusCode.BadRequest));
        Assert.Equal((1, 1), await WorkOf(() => LoginPage("known@test.local"), HttpStatusCode.OK));
    }
}
