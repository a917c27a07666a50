using OpenIddict.Server;
using Microsoft.AspNetCore;
using Pass.Shared.Audit;
using Pass.Web.Audit;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Pass.Web.Oauth;

/// <summary>
/// Audits what OpenIddict decides before Pass's token endpoint runs (bad client credentials, unknown grants,
/// dead refresh tokens) and every RFC 7009 revocation. Outcomes of the token endpoint itself are audited there.
/// </summary>
public sealed class AuditOauthResponses(AuditLog audit) :
    IOpenIddictServerHandler<ApplyTokenResponseContext>,
    IOpenIddictServerHandler<ApplyRevocationResponseContext>
{
    /// <summary>Set by <see cref="TokenEndpoint"/> once it has written its own audit event.</summary>
    public const string AuditedItem = "pass.audited";

    public static IEnumerable<OpenIddictServerHandlerDescriptor> Descriptors { get; } =
    [
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseScopedHandler<AuditOauthResponses>().SetOrder(int.MinValue + 1_000).SetType(OpenIddictServerHandlerType.Custom).Build(),
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyRevocationResponseContext>()
            .UseScopedHandler<AuditOauthResponses>().SetOrder(int.MinValue + 1_000).SetType(OpenIddictServerHandlerType.Custom).Build(),
    ];

    public async ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        var http = context.Transaction.GetHttpRequest()?.HttpContext;
        if (context.Response.Error is not { } error || http?.Items.ContainsKey(AuditedItem) == true)
        {
            return;
        }

        await audit.RecordAsync(AuditEventType.TokenRequestRejected, clientId: context.Request?.ClientId,
            detail: AuditDetail.Of(AuditDetailCode.GrantRefused, context.Request?.GrantType, error), success: false, ct: http?.RequestAborted ?? default);
    }

    public async ValueTask HandleAsync(ApplyRevocationResponseContext context)
    {
        var http = context.Transaction.GetHttpRequest()?.HttpContext;
        await audit.RecordAsync(AuditEventType.TokenRevoked, clientId: context.Request?.ClientId,
            detail: context.Response.Error is { } error ? AuditDetail.Of(AuditDetailCode.Rfc7009Refused, error) : AuditDetail.Of(AuditDetailCode.Rfc7009),
            success: context.Response.Error is null, ct: http?.RequestAborted ?? default);
    }
}
