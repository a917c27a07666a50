using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;
using Pass.Shared.Audit;
using Pass.Shared.Oauth;
using Pass.Web.Audit;
using Pass.Web.Clients;
using Pass.Web.Data;
using Pass.Web.Users;

namespace Pass.Web.Oauth;

/// <summary>
/// <c>POST /oauth/v2/token</c> after OpenIddict has parsed the request and authenticated the client:
/// picks the grant, then lets OpenIddict issue (and store) the tokens or the error.
/// </summary>
public static class TokenEndpoint
{
    public static async Task<IResult> ExchangeAsync(
        HttpContext context,
        IEnumerable<ITokenGrant> grants,
        ClientRegistry clients,
        AuditLog audit,
        PassDbContext db)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not handle the token request.");
        var ct = context.RequestAborted;

        var client = request.ClientId is { } clientId ? await clients.FindProfileAsync(clientId, ct) : null;
        var grant = grants.FirstOrDefault(g => g.GrantType == request.GrantType);
        await using var commit = client is { IsDisabled: false } && grant is { ChecksPassword: true } ? await SignInCommit.BeginAsync(db, request.Username, ct) : null;
        var outcome = client is null || client.IsDisabled
            ? GrantOutcome.Reject(OAuthErrors.InvalidClient, client is null ? "The client is not registered with Pass." : "The client is disabled.")
            : grant is null
                ? GrantOutcome.Reject(OAuthErrors.UnsupportedGrantType, "The grant type is not supported.")
                : await grant.ExchangeAsync(request, client, context, ct);

        context.Items[AuditOauthResponses.AuditedItem] = true;
        var detail = outcome.Detail is null ? AuditDetail.Of(AuditDetailCode.Grant, request.GrantType) : AuditDetail.Of(AuditDetailCode.GrantRefused, request.GrantType, outcome.Detail);
        if (outcome.Principal is { } principal)
        {
            // Written with the token OpenIddict is about to store: one transaction, one write fewer per grant.
            TokenOwnership.Stamp(principal, request.ClientId!);
            await (commit?.CommitAsync(ct) ?? Task.CompletedTask);

            audit.Stage(AuditEventType.TokenIssued, outcome.SubjectUserId, request.ClientId, detail);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        await audit.RecordAsync(AuditEventType.TokenRequestRejected, outcome.SubjectUserId, request.ClientId, detail, success: false, ct: ct);
        await (commit?.CommitAsync(ct) ?? Task.CompletedTask);

        return Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = outcome.Error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = outcome.Description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
