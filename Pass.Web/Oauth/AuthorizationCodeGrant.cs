using Pass.Shared.Oauth;

namespace Pass.Web.Oauth;

/// <summary>"Sign in with Pass": a web subsystem redeems its authorization code (RFC 6749 §4.1.3 with PKCE).</summary>
public sealed class AuthorizationCodeGrant(PrincipalFactory principals) : ApprovedPersonGrant(principals)
{
    public override string GrantType => PassGrantTypes.AuthorizationCode;

    protected override string Detail => "sign in with Pass";
}
