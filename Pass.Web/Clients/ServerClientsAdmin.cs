using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Shared.Clients;
using Pass.Shared.Oauth;
using Pass.Shared.Problems;
using Pass.Web.Audit;

namespace Pass.Web.Clients;

/// <summary>Registering and changing clients, with their rules and audit events: the pages and the API both come here.</summary>
public sealed class ServerClientsAdmin(ClientRegistry clients, AuditLog audit) : IClientsAdmin
{
    public Task<IReadOnlyList<ClientSummary>> ListAsync(CancellationToken ct = default) => clients.ListAsync(ct);

    public async Task<Outcome<ClientSecretResponse>> RegisterAsync(RegisterClientRequest request, CancellationToken ct = default)
    {
        if (ClientRules.Check(request) is { } invalid)
        {
            return Outcome<ClientSecretResponse>.Invalid(invalid.Field, invalid.Problem);
        }

        var type = request.Type ?? ClientType.Confidential;
        var secret = await clients.RegisterAsync(request.DisplayName!.Trim(), request.Grants ?? [], request.ReaderFormat, ct: ct,
            redirectUris: request.RedirectUris, requireConsent: request.RequireConsent ?? true, mayIntrospect: request.MayIntrospect ?? false,
            type: type, addresses: new ClientAddresses(request.Origins ?? [], request.BackchannelLogoutUri, request.FrontchannelLogoutUri),
            postLogoutRedirectUris: request.PostLogoutRedirectUris, permissions: request.Permissions);
        await audit.RecordAsync(AuditEventType.ClientRegistered, clientId: secret.ClientId, detail: AuditDetail.Of(AuditDetailCode.Grants, string.Join(",", [.. request.Grants ?? [], .. request.Permissions ?? []])), ct: ct);
        return Outcome<ClientSecretResponse>.Ok(secret);
    }

    public async Task<Outcome<ClientSummary>> UpdateAsync(string clientId, UpdateClientRequest request, CancellationToken ct = default)
    {
        if (await clients.FindAsync(clientId, ct) is not { } existing)
        {
            return Outcome<ClientSummary>.NotFound();
        }

        if (existing.IsBuiltIn)
        {
            return Outcome<ClientSummary>.Refused(ProblemCode.ClientBuiltIn);
        }

        if (Validate(new ClientShape(existing.Type, request.Grants ?? existing.Grants, (request.ReaderFormat ?? existing.ReaderFormat) is not null,
                request.RedirectUris ?? existing.RedirectUris ?? [], request.Origins ?? existing.Origins ?? [],
                request.BackchannelLogoutUri ?? existing.BackchannelLogoutUri, request.FrontchannelLogoutUri ?? existing.FrontchannelLogoutUri,
                request.MayIntrospect ?? existing.MayIntrospect, request.PostLogoutRedirectUris ?? existing.PostLogoutRedirectUris,
                request.Permissions ?? existing.Permissions)) is { } invalid)
        {
            return Outcome<ClientSummary>.Invalid(invalid);
        }

        var updated = (await clients.UpdateAsync(clientId, request, ct))!;
        await audit.RecordAsync(AuditEventType.ClientUpdated, clientId: clientId, detail: AuditDetail.Of(AuditDetailCode.Grants, string.Join(",", [.. updated.Grants, .. updated.Permissions ?? []])), ct: ct);
        return Outcome<ClientSummary>.Ok(updated);
    }

    public async Task<Outcome<ClientSecretResponse>> RotateSecretAsync(string clientId, CancellationToken ct = default)
    {
        if (ClientRegistry.IsBuiltIn(clientId))
        {
            return Outcome<ClientSecretResponse>.Refused(ProblemCode.ClientBuiltIn);
        }

        if (await clients.FindAsync(clientId, ct) is { Type: not ClientType.Confidential })
        {
            return Outcome<ClientSecretResponse>.Refused(ProblemCode.ClientHasNoSecret);
        }

        if (await clients.RotateSecretAsync(clientId, ct) is not { } secret)
        {
            return Outcome<ClientSecretResponse>.NotFound();
        }

        await audit.RecordAsync(AuditEventType.ClientSecretRotated, clientId: clientId, ct: ct);
        return Outcome<ClientSecretResponse>.Ok(secret);
    }

    public async Task<bool> SetDisabledAsync(string clientId, bool disabled, CancellationToken ct = default)
    {
        if (!await clients.SetDisabledAsync(clientId, disabled, ct))
        {
            return false;
        }

        await audit.RecordAsync(disabled ? AuditEventType.ClientDisabled : AuditEventType.ClientEnabled, clientId: clientId, ct: ct);
        return true;
    }

    private static Dictionary<string, CodedProblem[]>? Validate(ClientShape client) =>
        ClientRules.Check(client) is { } invalid ? Error(invalid.Field, invalid.Problem) : null;

    private static Dictionary<string, CodedProblem[]> Error(string field, CodedProblem problem) => new() { [field] = [problem] };
}
