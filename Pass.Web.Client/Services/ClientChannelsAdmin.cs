using System.Net.Http.Json;
using Pass.Shared;
using Pass.Shared.Channels;
using Pass.Shared.Oauth;

namespace Pass.Web.Client.Services;

/// <summary>The channels page in the browser, over the channels API.</summary>
public sealed class ClientChannelsAdmin(PortalHttp portal) : IChannelsAdmin
{
    public async Task<IReadOnlyList<ChannelView>> ListAsync(CancellationToken ct = default) =>
        await portal.Http.GetFromJsonAsync<List<ChannelView>>(PassRoutes.Channels, ct) ?? [];

    public Task<Outcome<ChannelView>> UpdateAsync(ChannelKind kind, UpdateChannelRequest request, CancellationToken ct = default) =>
        portal.SendAsync<ChannelView>(HttpMethod.Put, $"{PassRoutes.Channels}/{kind}", request, ct);

    public Task<Outcome<ChannelView>> NewKeyPairAsync(ChannelKind kind, CancellationToken ct = default) =>
        portal.SendAsync<ChannelView>(HttpMethod.Post, $"{PassRoutes.Channels}/{kind}/key-pair", null, ct);
}
