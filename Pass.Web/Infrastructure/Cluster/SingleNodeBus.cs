namespace Pass.Web.Infrastructure.Cluster;

/// <summary>One node alone: always current, and there is nobody to tell.</summary>
public sealed class SingleNodeBus : IClusterBus
{
    public bool IsCurrent => true;

    public string? NotCurrentReason => null;

    public int NodeCount => 1;

    public Task BroadcastAsync(string topic, string message, CancellationToken ct = default) => Task.CompletedTask;

    public void Publish(string topic, string message)
    {
    }

    public void Subscribe(string topic, Action<string> handler)
    {
    }

    public event Action? Resumed
    {
        add { }
        remove { }
    }

    public event Action? Deaf
    {
        add { }
        remove { }
    }
}
