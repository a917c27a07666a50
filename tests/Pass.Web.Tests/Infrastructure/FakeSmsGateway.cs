using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pass.Web.Tests.Infrastructure;

/// <summary>
/// A real HTTP SMS gateway on 127.0.0.1 that records what Pass sends it (Pass's default JSON body), and is down for the
/// next <see cref="Outage"/>.FailNext messages when told.
/// </summary>
public sealed partial class FakeSmsGateway : IAsyncDisposable
{
    public const string Authorization = "Bearer gateway-key";

    private LoopbackHost _host = null!;

    private void Map(WebApplication app)
    {
        app.MapPost("/send", async (HttpRequest request) =>
        {
            if (request.Headers.Authorization != Authorization)
            {
                return Results.Unauthorized();
            }

            var body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body);
            if (Outage.Fails())
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            Received.Enqueue((body.GetProperty("to").GetString()!, body.GetProperty("text").GetString()!));
            return Results.Ok();
        });
    }

    public ConcurrentQueue<(string To, string Text)> Received { get; } = new();

    public Outage Outage { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<FakeSmsGateway> StartAsync()
    {
        var gateway = new FakeSmsGateway();
        gateway._host = await LoopbackHost.StartAsync(gateway.Map);
        gateway.Url = new Uri(gateway._host.Address, "/send");
        return gateway;
    }

    /// <summary>The code in the last message to <paramref name="phone"/>.</summary>
    public string LastCodeTo(string phone) =>
        CodePattern().Match(Received.Last(m => m.To == phone).Text).Groups[1].Value;

    [GeneratedRegex(@"code is (\d+)")]
    private static partial Regex CodePattern();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
