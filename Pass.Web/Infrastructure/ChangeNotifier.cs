using System.Collections.Concurrent;
using Pass.Web.Infrastructure.Cluster;

namespace Pass.Web.Infrastructure;

/// <summary>
/// Tells watchers that something changed. A watcher subscribes to one key (or to all, for a live board)
/// and disposes the subscription when it stops watching; it then reads the new state. After a change, the
/// watchers of one key share one read of it (10,000 pages watching one QR code cost one query, not 10,000).
/// On a cluster a change also travels to the other nodes, where it is published to their own watchers (one shared read
/// per change per node); while a node does not hear the bus, and when it rejoins, every watcher reads again.
/// </summary>
public abstract class ChangeNotifier
{
    private readonly IClusterBus _bus;
    private readonly string _topic;

    protected ChangeNotifier(IClusterBus bus)
    {
        _bus = bus;
        _topic = "changes:" + GetType().Name;
        bus.Subscribe(_topic, PublishHere);
        bus.Resumed += PublishEverythingHere;
        bus.Deaf += PublishEverythingHere;
    }

    /// <summary>Every watched key may have changed unannounced (the node did not hear the bus): each reads again, once.</summary>
    private void PublishEverythingHere()
    {
        foreach (var key in _watchers.Keys.Where(key => key != Everything))
        {
            PublishHere(key);
        }
    }

    private const string Everything = "";
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _watchers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Version, Lazy<Task<object?>> Read)> _reads = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string key, Action<string> changed) => Add(key, changed);

    public IDisposable SubscribeAll(Action<string> changed) => Add(Everything, changed);

    public void Publish(string key)
    {
        PublishHere(key);
        _bus.Publish(_topic, key);
    }

    private void PublishHere(string key)
    {
        // Counted only while someone follows the key (the count goes with its last watcher): every QR code and kiosk
        // request is published, and a count per unwatched key would grow without end.
        if (_watchers.ContainsKey(key))
        {
            _versions.AddOrUpdate(key, 1, (_, version) => version + 1);
        }

        Notify(key, key);
        Notify(Everything, key);
    }

    /// <summary>
    /// The state of <paramref name="key"/> now, then each change, while <paramref name="openUntil"/> says it can still
    /// change (and until when: the watcher also wakes then, for an expiry nobody announces). Ends when it is gone.
    /// </summary>
    public async IAsyncEnumerable<T> FollowAsync<T>(
        string key, Func<CancellationToken, Task<T?>> read, Func<T, DateTimeOffset?> openUntil, TimeProvider time,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct) where T : class
    {
        var changed = System.Threading.Channels.Channel.CreateBounded<bool>(
            new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });
        using var subscription = Subscribe(key, _ => changed.Writer.TryWrite(true));
        if (await read(ct) is not { } state)
        {
            yield break;
        }

        yield return state;
        while (openUntil(state) is { } until)
        {
            var wait = until - time.GetUtcNow();
            using (time.CreateTimer(_ => changed.Writer.TryWrite(true), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan))
            {
                await changed.Reader.ReadAsync(ct);
            }

            // Woken by a change: the read all watchers share; by the expiry: this watcher's own.
            var next = time.GetUtcNow() >= until ? await read(ct) : await SharedReadAsync(key, read);
            if (next is null)
            {
                yield break;
            }

            if (!next.Equals(state))
            {
                state = next;
                yield return state;
            }
        }
    }

    /// <summary>
    /// One read per published change of <paramref name="key"/>, whoever asks first; every watcher of the key was
    /// allowed to read it when it subscribed, so they may share what it reads now.
    /// </summary>
    private async Task<T?> SharedReadAsync<T>(string key, Func<CancellationToken, Task<T?>> read) where T : class
    {
        var version = _versions.GetValueOrDefault(key);
        Lazy<Task<object?>> Start() => new(async () => await read(CancellationToken.None));
        var entry = _reads.AddOrUpdate(key, _ => (version, Start()), (_, old) => old.Version >= version ? old : (version, Start()));
        return (T?)await entry.Read.Value;
    }

    private void Notify(string watchedKey, string changedKey)
    {
        if (_watchers.TryGetValue(watchedKey, out var watchers))
        {
            foreach (var watcher in watchers.Keys)
            {
                watcher.Changed(changedKey);
            }
        }
    }

    private Subscription Add(string key, Action<string> changed)
    {
        var subscription = new Subscription(this, key, changed);
        _watchers.GetOrAdd(key, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        if (_watchers.TryGetValue(subscription.Key, out var watchers))
        {
            watchers.TryRemove(subscription, out _);
            if (watchers.IsEmpty && _watchers.TryRemove(KeyValuePair.Create(subscription.Key, watchers)))
            {
                // Nobody follows the key any more: its shared read and change count go too.
                _reads.TryRemove(subscription.Key, out _);
                _versions.TryRemove(subscription.Key, out _);
            }
        }
    }

    private sealed class Subscription(ChangeNotifier owner, string key, Action<string> changed) : IDisposable
    {
        public string Key => key;

        public void Changed(string changedKey) => changed(changedKey);

        public void Dispose() => owner.Remove(this);
    }
}
