using OpenIddict.Abstractions;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
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
        if (result.Session is not { } session)
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The code is unknown.");
        }

        switch (result.Redemption)
        {
            case QrRedemption.Expired:
                return GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The code has expired.", session.UserId);
            case QrRedemption.AlreadyUsed:
                return GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The code was already used; the tokens it issued are revoked.", session.UserId);
        }

        if (await principals.FindActivePersonAsync(session.UserId) is not { } user)
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The account no longer exists or is locked.", session.UserId);
        }

        var principal = await principals.ForPersonAsync(user, GrantType, request.GetScopes(), session.AuthorizationId);
        return GrantOutcome.Issue(principal, user.Id, $"session {session.Session}");
    }
}
