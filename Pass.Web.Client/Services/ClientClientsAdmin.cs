using System.Net.Http.Json;
using Pass.Shared;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;

namespace Pass.Web.Client.Services;

/// <summary>Client administration in the browser, over the management API.</summary>
public sealed class ClientClientsAdmin(PortalHttp portal) : IClientsAdmin
{
    public async Task<IReadOnlyList<ClientSummary>> ListAsync(CancellationToken ct = default) =>
        await portal.Http.GetFromJsonAsync<List<ClientSummary>>(PassRoutes.Clients, ct) ?? [];

    public Task<Outcome<ClientSecretResponse>> RegisterAsync(RegisterClientRequest request, CancellationToken ct = default) =>
        portal.SendAsync<ClientSecretResponse>(HttpMethod.Post, PassRoutes.Clients, request, ct);

    public Task<Outcome<ClientSummary>> UpdateAsync(string clientId, UpdateClientRequest request, CancellationToken ct = default) =>
        portal.SendAsync<ClientSummary>(HttpMethod.Put, $"{PassRoutes.Clients}/{Uri.EscapeDataString(clientId)}", request, ct);

    public Task<Outcome<ClientSecretResponse>> RotateSecretAsync(string clientId, CancellationToken ct = default) =>
        portal.SendAsync<ClientSecretResponse>(HttpMethod.Post, $"{PassRoutes.Clients}/{Uri.EscapeDataString(clientId)}/secret", null, ct);

    public async Task<bool> SetDisabledAsync(string clientId, bool disabled, CancellationToken ct = default)
    {
        using var response = await portal.SendAsync(new HttpRequestMessage(HttpMethod.Post,
            $"{PassRoutes.Clients}/{Uri.EscapeDataString(clientId)}/{(disabled ? "disable" : "enable")}"), HttpCompletionOption.ResponseContentRead, ct);
        return response.IsSuccessStatusCode;
    }
}
