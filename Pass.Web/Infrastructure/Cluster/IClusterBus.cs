namespace Pass.Web.Infrastructure.Cluster;

/// <summary>
/// What one node tells the others. On a single node (no <c>Pass:Redis:Configuration</c>) there are no others: the node is
/// always current and nothing travels. On a cluster it is <see cref="RedisClusterBus"/>.
/// </summary>
public interface IClusterBus
{
    /// <summary>
    /// True while this node has heard every acknowledged message sent so far (it holds its lease and hears the bus), so
    /// what it remembers may be trusted. False: read the source of truth instead.
    /// </summary>
    bool IsCurrent { get; }

    /// <summary>How many nodes hold a lease now, this one included (1 on a single node); a node's share of a limit is the limit divided by it.</summary>
    int NodeCount { get; }

    /// <summary>Why the node is not current, for <c>/health/ready</c>; null while it is.</summary>
    string? NotCurrentReason { get; }

    /// <summary>
    /// Sends <paramref name="message"/> to every other node and returns once each node that holds a lease has applied it,
    /// or has been fenced (its lease deleted and its lease length waited out), so none of them still trusts memory that
    /// predates the message. Throws <see cref="ClusterUnavailableException"/> when the bus cannot be reached.
    /// </summary>
    Task BroadcastAsync(string topic, string message, CancellationToken ct = default);

    /// <summary>Sends <paramref name="message"/> to the other nodes without waiting (live page updates).</summary>
    void Publish(string topic, string message);

    /// <summary>Runs <paramref name="handler"/> for each message another node sends on <paramref name="topic"/>.</summary>
    void Subscribe(string topic, Action<string> handler);

    /// <summary>
    /// Raised when this node becomes current again after it may have missed messages (it starts, its link or lease came
    /// back): every mark it may have missed counts as a mark on everything.
    /// </summary>
    event Action? Resumed;

    /// <summary>
    /// Raised every few seconds while this node is not current: what the other nodes announce does not reach it, so live
    /// pages read their state again on their own instead of waiting for the bus to come back.
    /// </summary>
    event Action? Deaf;
}
