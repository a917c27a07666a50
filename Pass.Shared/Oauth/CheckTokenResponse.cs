using System.Text.Json.Serialization;

namespace Pass.Shared.Oauth;

/// <summary>The body of a 200 from check_token: what a subsystem needs to act on the token.</summary>
public sealed record CheckTokenResponse(
    [property: JsonPropertyName("active")] bool Active,
    [property: JsonPropertyName("sub")] string Sub,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("exp")] long Exp);
