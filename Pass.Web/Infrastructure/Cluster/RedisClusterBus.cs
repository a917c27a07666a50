using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Pass.Web.Infrastructure.Cluster;

/// <summary>
/// The cluster bus on Redis (CLUSTER.md, design A). Each node holds a lease, a key with a TTL that it renews every third
/// of its length; it is <see cref="IsCurrent"/> only while its last renewal, timed from when it was sent, is younger than
/// the lease. A broadcast is acknowledged by every node holding a lease once it has applied the message; a node that stays
/// silent is fenced: its lease is deleted and the broadcast waits one lease length, by which time the silent node has found
/// its key gone or passed its own deadline, and in both cases stopped trusting its memory. Nothing assumes the clocks
/// agree, only that they run at about the same rate.
/// </summary>
public sealed partial class RedisClusterBus(IConnectionMultiplexer redis, IOptions<ClusterOptions> configured, TimeProvider time, ILogger<RedisClusterBus> logger)
    : IClusterBus, IHostedService, IAsyncDisposable
{
    private const string RenewScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end";

    // The members whose lease is alive; the others are gone and leave the list.
    private const string LiveNodesScript = """
        local live = {}
        for _, node in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          if redis.call('EXISTS', ARGV[1] .. node) == 1 then table.insert(live, node) else redis.call('SREM', KEYS[1], node) end
        end
        return live
        """;

    private readonly ClusterOptions _options = configured.Value;
    private readonly ConcurrentDictionary<string, Action<string>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Acknowledgements> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Topic, string Message), byte> _owed = new();
    private readonly SemaphoreSlim _tick = new(1, 1);
    private IConnectionMultiplexer? _redis;
    private int _nodeCount = 1;
    private ITimer? _renewal;
    private string? _lease;
    private long _validUntil;
    private long _sent;
    private int _paying;
    private long _lastDeafRead;
    private string _reason = "not connected to Redis yet";

    /// <summary>This process's name on the bus; a restarted node is a new node, with an empty memory.</summary>
    public string NodeId { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    public bool IsCurrent => Volatile.Read(ref _lease) is not null && time.GetTimestamp() < Volatile.Read(ref _validUntil);

    public string? NotCurrentReason => IsCurrent ? null : _reason;

    public int NodeCount => Math.Max(1, Volatile.Read(ref _nodeCount));

    public event Action? Resumed;

    public event Action? Deaf;

    /// <summary>How often live pages read again on their own while the node does not hear the bus.</summary>
    public static readonly TimeSpan DeafReadInterval = TimeSpan.FromSeconds(3);

    private string Prefix => _options.KeyPrefix;

    private RedisKey LeaseKey(string node) => $"{Prefix}:lease:{node}";

    private RedisKey NodesKey => $"{Prefix}:nodes";

    private RedisChannel MarksChannel => RedisChannel.Literal($"{Prefix}:marks");

    private RedisChannel ChangesChannel => RedisChannel.Literal($"{Prefix}:changes");

    private RedisChannel AcksChannel(string node) => RedisChannel.Literal($"{Prefix}:acks:{node}");

    public Task StartAsync(CancellationToken ct)
    {
        _redis = redis;
        redis.ConnectionFailed += (_, e) => LinkLost($"the link to Redis failed ({e.FailureType})");
        redis.ConnectionRestored += (_, _) => _ = TickAsync();
        var every = _options.LeaseLength / 3;
        _renewal = time.CreateTimer(_ => _ = TickAsync(), null, TimeSpan.Zero, every);
        LogJoining(NodeId);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken ct)
    {
        _renewal?.Dispose();
        if (_redis is { IsConnected: true } redis && Volatile.Read(ref _lease) is not null)
        {
            // A node leaving says so: broadcasts stop waiting for it at once instead of fencing it.
            _lease = null;
            var db = redis.GetDatabase();
            await Task.WhenAll(db.KeyDeleteAsync(LeaseKey(NodeId)), db.SetRemoveAsync(NodesKey, NodeId)).WaitAsync(_options.BusTimeout, ct)
                .ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public ValueTask DisposeAsync()
    {
        _renewal?.Dispose();
        return ValueTask.CompletedTask;
    }

    public void Subscribe(string topic, Action<string> handler) => _handlers.AddOrUpdate(topic, handler, (_, existing) => existing + handler);

    public void Publish(string topic, string message)
    {
        if (_redis is { IsConnected: true } redis)
        {
            redis.GetSubscriber().Publish(ChangesChannel, Serialize(new BusMessage("", NodeId, topic, message)), CommandFlags.FireAndForget);
        }
    }

    /// <summary>
    /// Tells every node, or throws <see cref="ClusterUnavailableException"/>; a message that may not have reached every
    /// node is then owed, and sent again as soon as this node's link to Redis works (<see cref="PayOwedAsync"/>).
    /// </summary>
    public async Task BroadcastAsync(string topic, string message, CancellationToken ct = default)
    {
        var told = false;
        try
        {
            await TellAsync(topic, message, ct);
            told = true;
        }
        finally
        {
            if (!told)
            {
                _owed.TryAdd((topic, message), 0);
                LogOwed(topic, _owed.Count);
            }
        }
    }

    /// <summary>The messages owed since a failed broadcast, at most once each (marks do not depend on their order).</summary>
    public int OwedCount => _owed.Count;

    /// <summary>
    /// Sends the owed messages, each acknowledged or its silent nodes fenced like any broadcast. Until then the other
    /// nodes may still trust a token this node revoked (the revocation answered 503; retrying an RFC 7009 revocation does
    /// not help, as OpenIddict leaves a token already revoked alone); a node that lost Redis too forgets everything when
    /// it rejoins.
    /// </summary>
    private async Task PayOwedAsync()
    {
        foreach (var owed in _owed.Keys)
        {
            try
            {
                await TellAsync(owed.Topic, owed.Message, CancellationToken.None);
            }
            catch (Exception error) when (error is ClusterUnavailableException or OperationCanceledException)
            {
                return; // still owed; the next renewal tries again
            }

            _owed.TryRemove(owed, out _);
        }

        LogPaid();
    }

    private async Task TellAsync(string topic, string message, CancellationToken ct)
    {
        if (_redis is not { IsConnected: true } redis)
        {
            throw new ClusterUnavailableException("Redis is unreachable: the other nodes could not be told.");
        }

        var id = $"{NodeId}:{Interlocked.Increment(ref _sent)}";
        var acks = _waiting[id] = new Acknowledgements();
        try
        {
            var db = redis.GetDatabase();
            await redis.GetSubscriber().PublishAsync(MarksChannel, Serialize(new BusMessage(id, NodeId, topic, message))).WaitAsync(_options.BusTimeout, ct);

            // Read after publishing: a node whose lease starts later hears the message or starts with an empty memory.
            var live = ((string?[]?)await db.ScriptEvaluateAsync(LiveNodesScript, [NodesKey], [$"{Prefix}:lease:"]).WaitAsync(_options.BusTimeout, ct) ?? []).OfType<string>();
            var silent = await acks.AwaitAsync(live.Where(node => node != NodeId), _options.AcknowledgementTimeout, time, ct);
            if (silent.Count > 0)
            {
                foreach (var node in silent)
                {
                    LogFencing(node);
                    await db.KeyDeleteAsync(LeaseKey(node)).WaitAsync(_options.BusTimeout, ct);
                }

                await Task.Delay(_options.LeaseLength, time, ct);
            }
        }
        catch (Exception error) when (error is RedisException or TimeoutException)
        {
            throw new ClusterUnavailableException("Redis did not answer: the other nodes could not be told.", error);
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }
    }

    private void LinkLost(string reason)
    {
        _reason = reason;
        Volatile.Write(ref _lease, null);
    }

    /// <summary>Takes a lease when the node has none, renews it when it has; one at a time.</summary>
    private async Task TickAsync()
    {
        if (_redis is null || !await _tick.WaitAsync(0))
        {
            return;
        }

        try
        {
            if (Volatile.Read(ref _lease) is not { } lease || !await RenewAsync(lease))
            {
                await AcquireAsync();
            }
        }
        catch (Exception error) when (error is RedisException or TimeoutException or ObjectDisposedException)
        {
            _reason = $"Redis did not answer ({error.GetType().Name})";
        }
        finally
        {
            _tick.Release();
        }

        if (!IsCurrent && time.GetElapsedTime(Volatile.Read(ref _lastDeafRead)) >= DeafReadInterval)
        {
            Volatile.Write(ref _lastDeafRead, time.GetTimestamp());
            Deaf?.Invoke();
        }

        // Beside the renewals, not in their turn: a fenced node makes a broadcast wait a lease length.
        if (!_owed.IsEmpty && Interlocked.Exchange(ref _paying, 1) == 0)
        {
            try
            {
                await PayOwedAsync();
            }
            finally
            {
                Volatile.Write(ref _paying, 0);
            }
        }
    }

    private async Task<bool> RenewAsync(string lease)
    {
        var sentAt = time.GetTimestamp();
        var renewed = (long)await _redis!.GetDatabase()
            .ScriptEvaluateAsync(RenewScript, [LeaseKey(NodeId)], [lease, (long)_options.LeaseLength.TotalMilliseconds])
            .WaitAsync(_options.BusTimeout);
        if (renewed != 1)
        {
            LogLeaseLost(NodeId);
            LinkLost("this node's lease was taken or expired");
            return false;
        }

        if (sentAt >= Volatile.Read(ref _validUntil))
        {
            // It went past its deadline unrenewed: it may have been fenced in between, so it forgets.
            Resumed?.Invoke();
        }

        Volatile.Write(ref _validUntil, sentAt + (long)(_options.LeaseLength.TotalSeconds * time.TimestampFrequency));
        await CountNodesAsync();
        return true;
    }

    private async Task CountNodesAsync()
    {
        var live = (RedisResult[]?)await _redis!.GetDatabase().ScriptEvaluateAsync(LiveNodesScript, [NodesKey], [$"{Prefix}:lease:"]).WaitAsync(_options.BusTimeout);
        Volatile.Write(ref _nodeCount, live?.Length ?? 1);
    }

    /// <summary>Hears the bus first, then takes a fresh lease, then forgets: only then is it current.</summary>
    private async Task AcquireAsync()
    {
        var subscriber = _redis!.GetSubscriber();
        await subscriber.UnsubscribeAllAsync();
        await subscriber.SubscribeAsync(MarksChannel, (_, value) => OnMark(value));
        await subscriber.SubscribeAsync(AcksChannel(NodeId), (_, value) => OnAck(value));
        await subscriber.SubscribeAsync(ChangesChannel, (_, value) => OnChange(value));

        var lease = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var sentAt = time.GetTimestamp();
        var db = _redis.GetDatabase();
        await db.StringSetAsync(LeaseKey(NodeId), lease, _options.LeaseLength).WaitAsync(_options.BusTimeout);
        await db.SetAddAsync(NodesKey, NodeId).WaitAsync(_options.BusTimeout);
        Resumed?.Invoke();
        Volatile.Write(ref _validUntil, sentAt + (long)(_options.LeaseLength.TotalSeconds * time.TimestampFrequency));
        Volatile.Write(ref _lease, lease);
        await CountNodesAsync();
        LogCurrent(NodeId);
    }

    private void OnMark(RedisValue value)
    {
        if (Deserialize(value) is not { } message || message.From == NodeId)
        {
            return;
        }

        try
        {
            if (_handlers.TryGetValue(message.Topic, out var handler))
            {
                handler(message.Body);
            }
        }
        catch (Exception error)
        {
            // Not applied, so not acknowledged: the sender fences this node, which then forgets everything.
            LogNotApplied(error, message.Topic);
            return;
        }

        _redis?.GetSubscriber().Publish(AcksChannel(message.From), $"{message.Id}|{NodeId}", CommandFlags.FireAndForget);
    }

    private void OnAck(RedisValue value)
    {
        var text = (string?)value ?? "";
        var bar = text.LastIndexOf('|');
        if (bar > 0 && _waiting.TryGetValue(text[..bar], out var acks))
        {
            acks.Add(text[(bar + 1)..]);
        }
    }

    private void OnChange(RedisValue value)
    {
        if (Deserialize(value) is { } message && message.From != NodeId && _handlers.TryGetValue(message.Topic, out var handler))
        {
            handler(message.Body);
        }
    }

    private static string Serialize(BusMessage message) => JsonSerializer.Serialize(message, BusMessageJson.Default.BusMessage);

    private static BusMessage? Deserialize(RedisValue value)
    {
        try
        {
            return JsonSerializer.Deserialize((string?)value ?? "", BusMessageJson.Default.BusMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(LogLevel.Information, "Cluster node {Node} joining the bus.")]
    private partial void LogJoining(string node);

    [LoggerMessage(LogLevel.Information, "Cluster node {Node} holds a fresh lease and starts with an empty memory.")]
    private partial void LogCurrent(string node);

    [LoggerMessage(LogLevel.Warning, "Cluster node {Node} lost its lease; it reads the database until it holds a new one.")]
    private partial void LogLeaseLost(string node);

    [LoggerMessage(LogLevel.Warning, "Cluster node {Node} did not acknowledge in time: its lease is deleted and the revocation waits one lease length.")]
    private partial void LogFencing(string node);

    [LoggerMessage(LogLevel.Warning, "A cluster message on {Topic} did not reach every node; it is sent again when the link to Redis works ({Count} owed).")]
    private partial void LogOwed(string topic, int count);

    [LoggerMessage(LogLevel.Information, "The owed cluster messages reached every node.")]
    private partial void LogPaid();

    [LoggerMessage(LogLevel.Error, "A cluster message on {Topic} could not be applied; it is not acknowledged.")]
    private partial void LogNotApplied(Exception error, string topic);
}
