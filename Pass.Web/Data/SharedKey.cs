namespace Pass.Web.Data;

/// <summary>
/// Key material every node of a cluster must hold the same (token signing and encryption keys and certificates), kept in
/// the shared database instead of each node's data folder. Written once, by whichever node starts first.
/// </summary>
public sealed class SharedKey
{
    public required string Name { get; init; }

    public required byte[] Value { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
