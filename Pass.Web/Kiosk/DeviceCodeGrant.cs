using Pass.Shared.Oauth;
using Pass.Web.Oauth;

namespace Pass.Web.Kiosk;

/// <summary>
/// RFC 8628 §3.4: the kiosk redeems its device code. OpenIddict has already answered authorization_pending,
/// access_denied or expired_token; here the code is approved.
/// </summary>
public sealed class DeviceCodeGrant(PrincipalFactory principals) : ApprovedPersonGrant(principals)
{
    public override string GrantType => PassGrantTypes.DeviceCode;

    protected override string Detail => "kiosk";
}
