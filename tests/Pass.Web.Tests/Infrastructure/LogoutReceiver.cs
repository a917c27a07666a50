using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Pass.Web.Tests.Infrastructure;

/// <summary>
/// A site's back-channel logout endpoint on real Kestrel at 127.0.0.1: keeps every logout token posted to it, and
/// answers the next <see cref="FailNext"/> posts 503 (a site that is down).
/// </summary>
public sealed class LogoutReceiver : IAsyncDisposable
{
    private LoopbackHost _host = null!;
    private readonly Channel<string> _tokens = Channel.CreateUnbounded<string>();
    private readonly Outage _outage = new();

    /// <summary>Every answer given so far, in order.</summary>
    public ConcurrentQueue<HttpStatusCode> Answers => _outage.Answers;

    /// <summary>The next answer the site gives (to any post).</summary>
    public Task<HttpStatusCode> NextAnswerAsync() => _outage.NextAnswerAsync();

    private void Map(WebApplication app)
    {
        app.MapPost("/backchannel-logout", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (_outage.Fails())
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            await _tokens.Writer.WriteAsync(form["logout_token"].ToString());
            return Results.Ok();
        });
    }

    public int FailNext { set => _outage.FailNext = value; }

    public Uri Address => _host.Address;

    public string LogoutUri => new Uri(Address, "/backchannel-logout").ToString();

    /// <summary>The next logout token the site receives; fails after <paramref name="within"/>.</summary>
    public async Task<string> NextAsync(TimeSpan? within = null) =>
        await _tokens.Reader.ReadAsync().AsTask().WaitAsync(within ?? TimeSpan.FromSeconds(30));

    public bool TryTake(out string? token) => _tokens.Reader.TryRead(out token);

    public static async Task<LogoutReceiver> StartAsync()
    {
        var receiver = new LogoutReceiver();
        receiver._host = await LoopbackHost.StartAsync(receiver.Map);
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
