namespace Pass.Shared.Oauth;

/// <summary>Who a token is for (its <c>aud</c>) and what a client may do beyond its grants.</summary>
public static class PassAudiences
{
    /// <summary>Pass's own API (check_token, the QR and SMS endpoints, userinfo): the audience of every access token.</summary>
    public const string Api = "pass";
}
