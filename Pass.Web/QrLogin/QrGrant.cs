using OpenIddict.Abstractions;
using Pass.Shared.Oauth;
using Pass.Web.Clients;
using Pass.Web.Oauth;
using Pass.Web.Data;

namespace Pass.Web.QrLogin;

/// <summary>A subsystem redeems a scanned QR code for a token of the person who showed it.</summary>
public sealed class QrGrant(QrLoginService qr, PrincipalFactory principals) : ITokenGrant
{
    public string GrantType => PassGrantTypes.Qr;

    public async Task<GrantOutcome> ExchangeAsync(OpenIddictRequest request, ClientProfile client, HttpContext context, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.Code))
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidRequest, "The code parameter is required.");
        }

        var result = await qr.RedeemAsync(request.Code, request.ClientId!, ct);
        var userId = result.Session?.UserId;
        switch (result.Outcome)
        {
            case QrRedeemOutcome.Unknown:
                return GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The code is unknown.");
            case QrRedeemOutcome.Expired:
                return GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The code has expired.", userId);
            case QrRedeemOutcome.Replayed:
                return GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The code was already used; the tokens it issued are revoked.", userId);
        }

        if (await principals.FindActivePersonAsync(userId) is not { } user)
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The account no longer exists or is locked.", userId);
        }

        var principal = await principals.ForPersonAsync(user, GrantType, request.GetScopes(), result.Session!.AuthorizationId);
        return GrantOutcome.Issue(principal, user.Id, $"session {result.Session.Session}");
    }
}
