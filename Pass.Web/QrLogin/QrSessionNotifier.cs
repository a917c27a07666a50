using System.Collections.Concurrent;

namespace Pass.Web.QrLogin;

/// <summary>
/// Tells watchers that a QR session changed. A watcher subscribes to one session (or to all, for the
/// administrators' live board) and disposes the subscription when it stops watching.
/// </summary>
public sealed class QrSessionNotifier
{
    private const string Everything = "";
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _watchers = new(StringComparer.Ordinal);

    public IDisposable Subscribe(string session, Action<string> changed) => Add(session, changed);

    public IDisposable SubscribeAll(Action<string> changed) => Add(Everything, changed);

    public void Publish(string session)
    {
        Notify(session, session);
        Notify(Everything, session);
    }

    public int WatcherCount => _watchers.Values.Sum(w => w.Count);

    private void Notify(string key, string session)
    {
        if (_watchers.TryGetValue(key, out var watchers))
        {
            foreach (var watcher in watchers.Keys)
            {
                watcher.Changed(session);
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
            if (watchers.IsEmpty)
            {
                _watchers.TryRemove(KeyValuePair.Create(subscription.Key, watchers));
            }
        }
    }

    private sealed class Subscription(QrSessionNotifier owner, string key, Action<string> changed) : IDisposable
    {
        public string Key => key;

        public void Changed(string session) => changed(session);

        public void Dispose() => owner.Remove(this);
    }
}
