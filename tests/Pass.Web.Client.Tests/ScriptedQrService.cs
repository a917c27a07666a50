using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;

namespace Pass.Web.Client.Tests;

/// <summary>An <see cref="IMyQrService"/> whose event stream the test writes, as the server would.</summary>
public sealed class ScriptedQrService(TimeProvider time) : IMyQrService
{
    private readonly Channel<QrSessionView> _events = Channel.CreateUnbounded<QrSessionView>();

    public List<PortalQrCode> Issued { get; } = [];

    /// <summary>When set, the next creation is refused as over the per-person limit, with this wait.</summary>
    public TimeSpan? Limited { get; set; }

    /// <summary>When set, a creation waits for it, as a request over the network does (the page renders meanwhile).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<PortalQrCode> CreateAsync(CancellationToken ct = default)
    {
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        if (Limited is { } wait)
        {
            throw new QrLimitReachedException(wait);
        }

        var now = time.GetUtcNow();
        var code = new PortalQrCode($"s-{Issued.Count + 1}", $"code-{Issued.Count + 1}", 120, now.AddSeconds(120));
        Issued.Add(code);
        return code;
    }

    public Task<QrSessionView?> GetAsync(string session, CancellationToken ct = default) =>
        Task.FromResult<QrSessionView?>(null);

    public void Push(QrSessionView view) => _events.Writer.TryWrite(view);

    public async IAsyncEnumerable<QrSessionView> WatchAsync(string session, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var view in _events.Reader.ReadAllAsync(ct))
        {
            yield return view;
        }
    }
}
