using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;

namespace Pass.Web.Tests.Infrastructure;

/// <summary>A fake service that is down for a while: it answers the next <see cref="FailNext"/> requests 503, and keeps every answer in order.</summary>
public sealed class Outage
{
    private readonly Channel<HttpStatusCode> _answers = Channel.CreateUnbounded<HttpStatusCode>();
    private int _failNext;

    public int FailNext { set => Volatile.Write(ref _failNext, value); }

    /// <summary>Every answer given so far, in order.</summary>
    public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();

    /// <summary>The next answer the service gives (to any request).</summary>
    public async Task<HttpStatusCode> NextAnswerAsync() => await _answers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Whether this request is one the service fails; the answer is kept either way.</summary>
    public bool Fails()
    {
        var answer = Interlocked.Decrement(ref _failNext) >= 0 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
        Answers.Enqueue(answer);
        _answers.Writer.TryWrite(answer);
        return answer != HttpStatusCode.OK;
    }
}
