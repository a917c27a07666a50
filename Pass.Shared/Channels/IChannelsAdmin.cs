namespace Pass.Shared.Channels;

/// <summary>The administrators' channels page.</summary>
public interface IChannelsAdmin
{
    Task<IReadOnlyList<ChannelView>> ListAsync(CancellationToken ct = default);

    Task<Outcome<ChannelView>> UpdateAsync(ChannelKind kind, UpdateChannelRequest request, CancellationToken ct = default);

    /// <summary>Alipay: a new application key pair made on the server; the page shows the public key to upload to Alipay.</summary>
    Task<Outcome<ChannelView>> NewKeyPairAsync(ChannelKind kind, CancellationToken ct = default);
}
