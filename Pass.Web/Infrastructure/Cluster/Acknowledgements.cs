namespace Pass.Web.Infrastructure.Cluster;

/// <summary>The nodes that acknowledged one broadcast, and the wait for the ones expected to.</summary>
internal sealed class Acknowledgements
{
    private readonly HashSet<string> _heard = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HashSet<string>? _expected;

    public void Add(string node)
    {
        lock (_heard)
        {
            _heard.Add(node);
            Settle();
        }
    }

    /// <summary>Waits until every one of <paramref name="nodes"/> has acknowledged; returns those still silent at the timeout.</summary>
    public async Task<IReadOnlyCollection<string>> AwaitAsync(IEnumerable<string> nodes, TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        lock (_heard)
        {
            _expected = new HashSet<string>(nodes, StringComparer.Ordinal);
            Settle();
        }

        try
        {
            await _all.Task.WaitAsync(timeout, time, ct);
            return [];
        }
        catch (TimeoutException)
        {
            lock (_heard)
            {
                return _expected.Except(_heard).ToArray();
            }
        }
    }

    private void Settle()
    {
        if (_expected is not null && _expected.IsSubsetOf(_heard))
        {
            _all.TrySetResult();
        }
    }
}
