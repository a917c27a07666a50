namespace Pass.Shared.Messages;

/// <summary>The signed-in person's inbox: Pass's notices about their account, and messages from subsystems.</summary>
public interface IInbox
{
    /// <summary>The newest notices first (at most 100).</summary>
    Task<IReadOnlyList<NoticeView>> ListAsync(CancellationToken ct = default);

    Task<int> UnreadCountAsync(CancellationToken ct = default);

    /// <summary>False when the notice is not the person's.</summary>
    Task<bool> MarkReadAsync(Guid id, CancellationToken ct = default);

    Task MarkAllReadAsync(CancellationToken ct = default);

    /// <summary>The subsystems the person has muted.</summary>
    Task<IReadOnlyList<MutedSubsystem>> MutedAsync(CancellationToken ct = default);

    /// <summary>Mutes or unmutes a subsystem; false when there is no such subsystem.</summary>
    Task<bool> SetMutedAsync(string clientId, bool muted, CancellationToken ct = default);

    /// <summary>The unread count now, then each time it changes, until cancelled.</summary>
    IAsyncEnumerable<int> WatchUnreadAsync(CancellationToken ct = default);
}
