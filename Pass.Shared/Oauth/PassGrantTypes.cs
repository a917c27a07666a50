namespace Pass.Shared.Oauth;

/// <summary>Grant types Pass serves beyond RFC 6749's own.</summary>
public static class PassGrantTypes
{
    /// <summary>A card read by a terminal, parameter <see cref="PassParameters.CardNumber"/>.</summary>
    public const string Card = "urn:pass:grant-type:card";

    /// <summary>A QR login code, parameter <c>code</c>; the seed sends it as <c>authorization_code</c> without PKCE.</summary>
    public const string Qr = "urn:pass:grant-type:qr";

    public const string ClientCredentials = "client_credentials";
    public const string RefreshToken = "refresh_token";
    public const string Password = "password";
    public const string AuthorizationCode = "authorization_code";

    /// <summary>Every grant an administrator may allow a client.</summary>
    public static readonly IReadOnlyList<string> All = [ClientCredentials, Card, Qr, Password, RefreshToken];
}

public static class PassParameters
{
    public const string CardNumber = "card_number";
    public const string Session = "session";
}

/// <summary>Claims Pass puts in its tokens beyond the standard ones.</summary>
public static class PassClaims
{
    /// <summary>"person" for a person's token, "client" for a terminal's own (client_credentials).</summary>
    public const string Kind = "pass_kind";
    public const string PersonKind = "person";
    public const string ClientKind = "client";
    public const string Grant = "pass_grant";
}
