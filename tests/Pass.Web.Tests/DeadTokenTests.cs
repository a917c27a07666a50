using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pass.Web.Infrastructure;
using Pass.Web.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>
/// check_token's unhappy path: garbage is refused unread, a dead token is read once and then refused from memory,
/// a dead token stays dead, a new token is never shadowed, and the memory of dead tokens stays bounded.
/// </summary>
public sealed class DeadTokenTests : IAsyncLifetime
{
    private const int Memory = 200;

    /// <summary>Reads of the token store (background jobs read other tables meanwhile).</summary>
    private sealed class QueryCounter : IDbCommandInterceptor
    {
        private int _queries;

        public int Queries => Volatile.Read(ref _queries);

        public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Count(command);
            return result;
        }

        private void Count(DbCommand command)
        {
            if (command.CommandText.Contains("OpenIddictTokens", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _queries);
            }
        }
    }

    private readonly QueryCounter _counter = new();
    private readonly PassApplication _app = new(settings: new Dictionary<string, string>
    {
        ["Pass:Tokens:DeadTokenMemory"] = Memory.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Pass:RateLimits:CheckTokenPerSecond"] = "100000",
        ["Pass:Tokens:PruneInterval"] = "7.00:00:00", // the clock moves past expiries here; no pruning run counts among the queries
    });
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;
    private OAuthApi _api = null!;

    private TokenChecker Checker => _host.Services.GetRequiredService<TokenChecker>();

    private TokenTag Tags => _host.Services.GetRequiredService<TokenTag>();

    public ValueTask InitializeAsync()
    {
        _host = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(_counter)));
        _api = new OAuthApi(_host.CreateClient());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _api.Http.Dispose();
        await _host.DisposeAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The database reads the checks cost, and each check's status.</summary>
    private async Task<(int Queries, HttpStatusCode[] Statuses)> ChecksAsync(params string[] tokens)
    {
        var before = _counter.Queries;
        var statuses = new List<HttpStatusCode>();
        foreach (var token in tokens)
        {
            statuses.Add((await _api.CheckAsync(token)).StatusCode);
        }

        return (_counter.Queries - before, statuses.ToArray());
    }

    [Fact]
    public async Task Issued_access_tokens_carry_a_tag_that_verifies_and_random_or_altered_ones_do_not()
    {
        var token = await _api.TerminalTokenAsync();
        var altered = (token[0] == 'A' ? 'B' : 'A') + token[1..];

        Assert.Equal(TokenTag.Length, token.Length);
        Assert.True(Tags.IsTagged(token));
        Assert.False(Tags.IsTagged(altered));
        Assert.False(Tags.IsTagged(Secrets.NewToken()));
        Assert.False(Tags.IsTagged(token + "A"));
    }

    [Fact]
    public async Task Random_and_altered_tokens_are_refused_without_a_query_and_without_filling_memory()
    {
        var live = await _api.TerminalTokenAsync();
        // Canonical base64url (as Pass's own tokens are), any 43 characters of the alphabet (most are not canonical:
        // their last character carries stray bits), one character changed in a live token, and worse.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var random = new Random(16);
        var garbage = Enumerable.Range(0, 25).Select(_ => Secrets.NewToken())
            .Concat(Enumerable.Range(0, 25).Select(_ => new string(Enumerable.Range(0, 43).Select(_ => alphabet[random.Next(64)]).ToArray())))
            .Append((live[^1] == 'A' ? live[..^2] + "B" : live[..^2] + "A") + live[^1])
            .Append(live[..^1] + "%").Append("not-even-base64!").Append(new string('A', 43)).Append(new string('_', 43)).ToArray();

        var (queries, statuses) = await ChecksAsync(garbage);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(0, queries);
        Assert.Equal(0, Checker.DeadCount);
    }

    [Fact]
    public async Task A_revoked_token_is_read_once_and_then_refused_from_memory_for_good()
    {
        var token = await _api.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await _api.CheckAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.RevokeAsync(token)).StatusCode);

        var (first, firstStatus) = await ChecksAsync(token);
        var (again, statuses) = await ChecksAsync(token, token, token, token, token);

        Assert.Equal([HttpStatusCode.Unauthorized], firstStatus);
        Assert.True(first > 0, "the first check after the revocation reads the database");
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(0, again);

        // Neither time nor the node losing the cluster brings it back.
        _app.Time.Advance(TimeSpan.FromMinutes(30));
        Checker.Sweep();
        Assert.Equal([HttpStatusCode.Unauthorized], (await ChecksAsync(token)).Statuses);
    }

    [Fact]
    public async Task An_expired_token_is_refused_from_memory_after_it_expires()
    {
        var token = await _api.TerminalTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await _api.CheckAsync(token)).StatusCode);

        _app.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var (queries, statuses) = await ChecksAsync(token, token, token);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(0, queries);
    }

    [Fact]
    public async Task A_tagged_token_that_was_never_issued_is_read_once_then_refused_from_memory()
    {
        var forged = Tags.NewToken();

        var (first, _) = await ChecksAsync(forged);
        var (again, statuses) = await ChecksAsync(forged, forged, forged);

        Assert.True(first > 0);
        Assert.Equal(0, again);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
    }

    [Fact]
    public async Task New_tokens_are_never_shadowed_by_a_full_memory_of_dead_ones()
    {
        var dead = Enumerable.Range(0, Memory * 3).Select(_ => Tags.NewToken()).ToArray();
        Assert.All((await ChecksAsync(dead)).Statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));

        var fresh = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            fresh.Add(await _api.TerminalTokenAsync());
        }

        Assert.All((await ChecksAsync([.. fresh])).Statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task The_memory_of_dead_tokens_stays_within_its_bound_and_forgets_the_oldest_first()
    {
        var dead = Enumerable.Range(0, Memory * 5).Select(_ => Tags.NewToken()).ToArray();
        await ChecksAsync(dead);

        Assert.InRange(Checker.DeadCount, Memory / 2, Memory);
        var (oldest, oldestStatus) = await ChecksAsync(dead[0]);
        var (newest, newestStatus) = await ChecksAsync(dead[^1]);
        Assert.True(oldest > 0, "the oldest dead token was forgotten: asking again reads the database");
        Assert.Equal(0, newest);
        Assert.Equal([HttpStatusCode.Unauthorized], oldestStatus);
        Assert.Equal([HttpStatusCode.Unauthorized], newestStatus);
    }
}

/// <summary>Tokens of the versions before tags: read from the database while the upgrade's window is open, refused unread after.</summary>
public sealed class LegacyTokenTests : PassTestBase
{
    [Fact]
    public async Task Untagged_tokens_are_read_only_until_the_configured_instant()
    {
        var until = App.Time.GetUtcNow().AddMinutes(10);
        await using var app = App.WithWebHostBuilder(b => b.UseSetting("Pass:Tokens:LegacyTokensUntil", until.ToString("O")));
        var tags = app.Services.GetRequiredService<TokenTag>();
        var untagged = Secrets.NewToken();

        Assert.True(tags.MayBeOurs(untagged));
        App.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.False(tags.MayBeOurs(untagged));
        Assert.True(tags.MayBeOurs(tags.NewToken()));
    }
}
