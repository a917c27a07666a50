namespace Pass.Shared.Oauth;

public static class PassPermissions
{
    /// <summary>
    /// A resource server: may introspect (RFC 7662) access tokens issued to other clients. Without it a client
    /// introspects only its own tokens and hears <c>{"active":false}</c> of anyone else's.
    /// </summary>
    public const string IntrospectAny = "pass:introspect_any";
}
