namespace Pass.Shared.Clients;

/// <summary>The administrators' clients page.</summary>
public interface IClientsAdmin
{
    Task<IReadOnlyList<ClientSummary>> ListAsync(CancellationToken ct = default);

    Task<Outcome<ClientSecretResponse>> RegisterAsync(RegisterClientRequest request, CancellationToken ct = default);

    Task<Outcome<ClientSummary>> UpdateAsync(string clientId, UpdateClientRequest request, CancellationToken ct = default);

    Task<Outcome<ClientSecretResponse>> RotateSecretAsync(string clientId, CancellationToken ct = default);

    Task<bool> SetDisabledAsync(string clientId, bool disabled, CancellationToken ct = default);
}
