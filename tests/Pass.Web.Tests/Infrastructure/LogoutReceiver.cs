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
    private int _failNext;

    private readonly Channel<HttpStatusCode> _answers = Channel.CreateUnbounded<HttpStatusCode>();

    /// <summary>Every answer given so far, in order.</summary>
    public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();

    /// <summary>The next answer the site gives (to any post).</summary>
    public async Task<HttpStatusCode> NextAnswerAsync() => await _answers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    private void Map(WebApplication app)
    {
        app.MapPost("/backchannel-logout", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (Interlocked.Decrement(ref _failNext) >= 0)
            {
                Answers.Enqueue(HttpStatusCode.ServiceUnavailable);
                await _answers.Writer.WriteAsync(HttpStatusCode.ServiceUnavailable);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            await _tokens.Writer.WriteAsync(form["logout_token"].ToString());
            Answers.Enqueue(HttpStatusCode.OK);
            await _answers.Writer.WriteAsync(HttpStatusCode.OK);
            return Results.Ok();
        });
    }

    public int FailNext { set => Volatile.Write(ref _failNext, value); }

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
