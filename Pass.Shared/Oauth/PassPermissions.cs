namespace Pass.Shared.Oauth;

public static class PassPermissions
{
    /// <summary>
    /// A resource server: may introspect (RFC 7662) access tokens issued to other clients. Without it a client
    /// introspects only its own tokens and hears <c>{"active":false}</c> of anyone else's.
    /// </summary>
    public const string IntrospectAny = "pass:introspect_any";

    /// <summary>May look a person up with <c>GET /oauth/v2/user</c> (the seed's users interface, 用户).</summary>
    public const string UsersRead = "users:read";

    /// <summary>May send a person a notice with <c>POST /oauth/v2/message</c> (the seed's messages interface, 消息).</summary>
    public const string Messages = "messages";

    /// <summary>The permissions a confidential client may be given beyond its grants, by the names the API, the page and <c>Pass:Clients</c> use.</summary>
    public static readonly IReadOnlyList<string> Api = [UsersRead, Messages];

    /// <summary>How an API permission is kept among OpenIddict's permissions of the application.</summary>
    public const string ApiPrefix = "pass:api:";
}
