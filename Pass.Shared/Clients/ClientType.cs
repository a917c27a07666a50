namespace Pass.Shared.Clients;

/// <summary>What kind of software a client is, which decides how it proves who it is.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ClientType>))]
public enum ClientType
{
    /// <summary>A server, a terminal or a web site that keeps a secret (client_secret_basic or client_secret_post).</summary>
    Confidential,

    /// <summary>
    /// A phone or desktop app (RFC 8252): no secret, "Sign in with Pass" with PKCE through the system browser, back to
    /// a private-use scheme, a claimed https link or the loopback interface on any port.
    /// </summary>
    Native,

    /// <summary>A single-page web app: no secret, PKCE, and CORS for the origins it runs on.</summary>
    Spa,
}
