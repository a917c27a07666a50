using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace Pass.E2E;

/// <summary>One response as the browser received it: its Content-Encoding, the bytes that crossed the wire and the body's decoded size.</summary>
public sealed record Fetch(string Path, int Status, string? Encoding, string? ContentType, long Bytes, long Decoded = 0);

/// <summary>
/// Chromium's own account of a page's requests (DevTools Network events): encodedDataLength is what was transferred,
/// headers included, where Playwright's response sizes report the decoded body.
/// </summary>
public sealed class NetworkLog : IAsyncDisposable
{
    private readonly ICDPSession _cdp;
    private readonly ConcurrentDictionary<string, Fetch> _responses = new();
    private readonly ConcurrentDictionary<string, long> _finished = new();
    private readonly ConcurrentDictionary<string, string> _failed = new();
    private readonly ConcurrentDictionary<string, long> _decoded = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NetworkLog(ICDPSession cdp) => _cdp = cdp;

    public static async Task<NetworkLog> StartAsync(IBrowserContext context, IPage page)
    {
        var log = new NetworkLog(await context.NewCDPSessionAsync(page));
        log._cdp.Event("Network.responseReceived").OnEvent += (_, e) => log.OnResponse(e!.Value);
        log._cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
            log.Record(log._finished, e!.Value.GetProperty("requestId").GetString()!, (long)e.Value.GetProperty("encodedDataLength").GetDouble());
        log._cdp.Event("Network.dataReceived").OnEvent += (_, e) =>
            log._decoded.AddOrUpdate(e!.Value.GetProperty("requestId").GetString()!, e.Value.GetProperty("dataLength").GetInt64(), (_, sum) => sum + e.Value.GetProperty("dataLength").GetInt64());
        log._cdp.Event("Network.loadingFailed").OnEvent += (_, e) =>
            log.Record(log._failed, e!.Value.GetProperty("requestId").GetString()!, e.Value.GetProperty("errorText").GetString() ?? "failed");
        await log._cdp.SendAsync("Network.enable");
        return log;
    }

    /// <summary>Every response once all but the event streams (which stay open) have finished loading.</summary>
    public async Task<IReadOnlyList<Fetch>> SettledAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var changed = _changed.Task;
            var open = _responses.Where(r => r.Value.ContentType?.StartsWith("text/event-stream", StringComparison.Ordinal) != true)
                .Count(r => !_finished.ContainsKey(r.Key) && !_failed.ContainsKey(r.Key));
            if (open == 0)
            {
                return [.. _responses.Select(r => r.Value with { Bytes = _finished.GetValueOrDefault(r.Key), Decoded = _decoded.GetValueOrDefault(r.Key), Status = _failed.ContainsKey(r.Key) ? 0 : r.Value.Status })];
            }

            await changed.WaitAsync(cancel.Token);
        }
    }

    private void OnResponse(JsonElement e)
    {
        var response = e.GetProperty("response");
        var headers = response.GetProperty("headers").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString(), StringComparer.OrdinalIgnoreCase);
        var fetch = new Fetch(new Uri(response.GetProperty("url").GetString()!).PathAndQuery, response.GetProperty("status").GetInt32(),
            headers.GetValueOrDefault("content-encoding"), headers.GetValueOrDefault("content-type"), 0);
        Record(_responses, e.GetProperty("requestId").GetString()!, fetch);
    }

    private void Record<T>(ConcurrentDictionary<string, T> into, string id, T value)
    {
        into[id] = value;
        Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public async ValueTask DisposeAsync() => await _cdp.DetachAsync();
}
