namespace Pass.Shared.Oauth;

/// <summary>An RFC 6749 §5.2 error body.</summary>
public sealed record OAuthError(
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string? ErrorDescription = null);
