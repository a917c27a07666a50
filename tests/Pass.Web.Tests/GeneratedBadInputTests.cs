using System.Collections.Concurrent;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Fuzz;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>
/// Property-based bad input over every /oauth and /api endpoint: whatever arrives, the answer is never a 5xx, an
/// error body is well-formed for its audience, and a refused request changes nothing stored.
/// <c>PASS_FUZZ_CASES</c> sets the cases per endpoint (500 by default; the long run uses 10,000) and
/// <c>PASS_FUZZ_REPORT</c> names a file that gets one line of figures per endpoint.
/// </summary>
public sealed class GeneratedBadInputTests(FuzzedPass pass) : IClassFixture<FuzzedPass>
{
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("PASS_FUZZ_CASES"), out var cases) ? cases : 500;

    /// <summary>Kestrel's default MaxRequestLineSize is 8 KB; allow for the client escaping a few more characters.</summary>
    private const int KestrelRequestLineLimit = 7_000;

    /// <summary>The tally's key for a request whose connection Kestrel closed before the client could read an answer.</summary>
    private const int Closed = 0;

    public static TheoryData<string> Targets => [.. FuzzTarget.All.Select(t => t.ToString())];

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Generated_requests_get_no_5xx_a_well_formed_error_and_a_refusal_changes_nothing(string name)
    {
        var target = FuzzTarget.All.Single(t => t.ToString() == name);
        var tally = new ConcurrentDictionary<int, int>();
        var fingerprint = pass.Database.Fingerprint();
        var version = pass.Database.Version();
        var changedByRefusal = 0;
        var refusedByKestrel = 0;

        await BadRequests.For(target, pass.KnownIds).SampleAsync(async request =>
        {
            HttpResponseMessage sent;
            try
            {
                sent = await pass.SendAsync(request, TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException) when (KestrelRefusesRequestLine(request))
            {
                // Kestrel answers an unacceptable request line (414, or 400 for a NUL in the path) and closes the
                // connection at once: a body still being sent fails with a broken pipe.
                tally.AddOrUpdate(Closed, 1, (_, n) => n + 1);
                refusedByKestrel++;
                return;
            }

            using var response = sent;
            var status = (int)response.StatusCode;
            tally.AddOrUpdate(status, 1, (_, n) => n + 1);
            Assert.True(status < 500, $"{status} for {request}");
            Assert.False(target.Audience != ErrorAudience.Browser && status is >= 300 and < 400, $"A redirect ({status}) from a machine endpoint for {request}");
            if (RefusedByKestrel(response))
            {
                // Not HTTP Kestrel accepts (a NUL in the path, a request line past 8 KB): answered before Pass runs.
                Assert.True(status is 400 or 413 or 414 or 431, $"{status} for {request}");
                refusedByKestrel++;
            }
            else if (status >= 400 && request.Method != "HEAD")
            {
                await AssertWellFormedAsync(target.Audience, response, request);
            }

            var now = pass.Database.Version();
            if (now != version)
            {
                var after = pass.Database.Fingerprint();
                var changes = DatabaseState.Differences(fingerprint, after);
                (fingerprint, version) = (after, now);
                if (status >= 400 && changes.Count > 0)
                {
                    changedByRefusal++;
                    Assert.Fail($"Refused with {status} but changed {string.Join("; ", changes)} for {request}");
                }
            }
        }, iter: Cases, threads: 1, print: r => r.ToString());

        var line = $"{target} | {tally.Values.Sum()} | {Count(tally, 200, 299)} | {Count(tally, 300, 399)} | {Count(tally, 400, 499)} | " +
             $"{Count(tally, 500, 599)} | {refusedByKestrel} | {changedByRefusal} | {string.Join(" ", tally.OrderBy(t => t.Key).Select(t => $"{(t.Key == Closed ? "closed" : t.Key)}×{t.Value}"))}";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        if (Environment.GetEnvironmentVariable("PASS_FUZZ_REPORT") is { Length: > 0 } report)
        {
            lock (Targets)
            {
                File.AppendAllText(report, line + Environment.NewLine);
            }
        }
    }

    [Fact]
    public void Every_api_and_oauth_route_is_a_target()
    {
        var routes = pass.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Pass.Web.Oauth.AnsweredByOpenIddict>() is null)
            .Select(e => (Path: "/" + e.RoutePattern.RawText!.Trim('/'), Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal) || r.Path.StartsWith("/oauth/v2/", StringComparison.Ordinal) || r.Path.StartsWith("/.well-known/", StringComparison.Ordinal)
                || r.Path.StartsWith(PassRoutes.ExternalSignIn + "/", StringComparison.Ordinal) || r.Path.StartsWith(PassRoutes.LinkedAccounts + "/", StringComparison.Ordinal))
            .SelectMany(r => r.Methods.Select(m => $"{m} {r.Path}"))
            .ToHashSet();
        var targets = FuzzTarget.All.Where(t => !FuzzTarget.ServedByOpenIddict.Contains(t.Template))
            .SelectMany(t => t.Methods.Select(m => $"{m} {t.Template}"))
            .ToHashSet();

        Assert.True(routes.Count > 40, $"only {routes.Count} routes found");
        Assert.Empty(routes.Except(targets));
        Assert.Empty(targets.Except(routes));
    }

    /// <summary>Request lines Kestrel refuses before Pass runs: past its length limit, or a NUL in the path.</summary>
    private static bool KestrelRefusesRequestLine(FuzzRequest request) =>
        request.Method.Length + request.PathAndQuery.Length > KestrelRequestLineLimit
        || request.PathAndQuery.Split('?')[0].Contains("%00", StringComparison.Ordinal);

    /// <summary>Kestrel's own refusals carry no body and none of the headers every answer from Pass has.</summary>
    private static bool RefusedByKestrel(HttpResponseMessage response) =>
        response.Headers.ConnectionClose == true && !response.Headers.Contains("X-Content-Type-Options")
        && response.Content.Headers.ContentLength == 0;

    private static int Count(ConcurrentDictionary<int, int> tally, int from, int to) => tally.Where(t => t.Key >= from && t.Key <= to).Sum(t => t.Value);

    private static async Task AssertWellFormedAsync(ErrorAudience audience, HttpResponseMessage response, FuzzRequest request)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        if (audience == ErrorAudience.Browser)
        {
            return;
        }

        var type = response.Content.Headers.ContentType?.MediaType;
        var expected = audience == ErrorAudience.OAuth ? "application/json" : "application/problem+json";
        Assert.True(type == expected, $"{(int)response.StatusCode} answered {type ?? "(no content type)"}: {Short(body)} for {request}");
        using var json = JsonDocument.Parse(body);
        if (audience == ErrorAudience.OAuth)
        {
            Assert.True(json.RootElement.TryGetProperty("error", out var error) && error.GetString() is { Length: > 0 }, $"no error code in {Short(body)} for {request}");
        }
        else
        {
            Assert.True(json.RootElement.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 }, $"no title in {Short(body)} for {request}");
            Assert.True(!json.RootElement.TryGetProperty("status", out var status) || status.GetInt32() == (int)response.StatusCode,
                $"status {status} in a {(int)response.StatusCode} answer for {request}");
        }
    }

    private static string Short(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
