using OpenIddict.Abstractions;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Oauth;
using Pass.Web.Data;

using Pass.Web.Users;

namespace Pass.Web.Sms;

/// <summary>The seed's SMS redemption: <c>code=&lt;phone&gt;.&lt;digits&gt;</c>, for the client that asked for the code.</summary>
public sealed class SmsGrant(SmsCodeRedeemer redeemer, PhoneNormalizer phones, PrincipalFactory principals) : ITokenGrant
{
    public string GrantType => PassGrantTypes.Sms;

    public async Task<GrantOutcome> ExchangeAsync(OpenIddictRequest request, ClientProfile client, HttpContext context, CancellationToken ct)
    {
        var separator = request.Code?.LastIndexOf('.') ?? -1;
        if (separator <= 0 || phones.Normalize(request.Code![..separator]) is not { } phone)
        {
            return GrantOutcome.Reject(OAuthErrors.InvalidRequest, "code is <phone>.<sms code>.");
        }

        var result = await redeemer.RedeemAsync(phone, request.Code[(separator + 1)..], request.ClientId!, ct);
        var person = result.Person is { } p ? await principals.FindActivePersonAsync(p.Id) : null;
        return result.Outcome switch
        {
            SmsRedeemOutcome.Redeemed when person is not null =>
                GrantOutcome.Issue(await principals.ForPersonAsync(person, GrantType, request.GetScopes(), authorizationId: null), person.Id, PhoneMask.Mask(phone)),
            SmsRedeemOutcome.Redeemed => GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The account is locked.", result.Person?.Id),
            SmsRedeemOutcome.Wrong => GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The code is wrong."),
            SmsRedeemOutcome.NoAccount => GrantOutcome.Reject(OAuthErrors.InvalidGrant, "Nobody has this phone."),
            SmsRedeemOutcome.AccountExists => GrantOutcome.Reject(OAuthErrors.InvalidGrant, "Someone already has this phone."),
            _ => GrantOutcome.Reject(OAuthErrors.InvalidGrant, "The code is unknown, used, expired, or was tried too often."),
        };
    }
}
