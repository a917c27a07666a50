using Pass.Shared.Cards;

namespace Pass.Shared.Clients;

/// <summary>
/// A client as the clients page shows it. <paramref name="Origins"/>: where a single-page app runs (CORS);
/// the logout URIs: where Pass tells a site that a person signed out (OIDC Back- and Front-Channel Logout).
/// </summary>
public sealed record ClientSummary(
    string ClientId,
    string DisplayName,
    IReadOnlyList<string> Grants,
    CardReaderFormat? ReaderFormat,
    bool IsDisabled,
    bool IsBuiltIn = false,
    IReadOnlyList<string>? RedirectUris = null,
    bool RequireConsent = true,
    ClientType Type = ClientType.Confidential,
    IReadOnlyList<string>? Origins = null,
    string? BackchannelLogoutUri = null,
    string? FrontchannelLogoutUri = null,
    bool MayIntrospect = false,
    IReadOnlyList<string>? PostLogoutRedirectUris = null);

/// <summary>
/// A new client. <paramref name="RedirectUris"/>: where "Sign in with Pass" may return (the authorization_code grant).
/// <paramref name="Type"/> is chosen once: a phone app or a single-page app gets no secret.
/// </summary>
public sealed record RegisterClientRequest(
    string? DisplayName,
    IReadOnlyList<string>? Grants,
    CardReaderFormat? ReaderFormat = null,
    IReadOnlyList<string>? RedirectUris = null,
    bool? RequireConsent = null,
    ClientType? Type = null,
    IReadOnlyList<string>? Origins = null,
    string? BackchannelLogoutUri = null,
    string? FrontchannelLogoutUri = null,
    bool? MayIntrospect = null,
    IReadOnlyList<string>? PostLogoutRedirectUris = null);

/// <summary>Changes to a client; what is left out (null) stays. An empty logout URI removes it. The type cannot change.</summary>
public sealed record UpdateClientRequest(
    string? DisplayName,
    IReadOnlyList<string>? Grants,
    CardReaderFormat? ReaderFormat = null,
    IReadOnlyList<string>? RedirectUris = null,
    bool? RequireConsent = null,
    IReadOnlyList<string>? Origins = null,
    string? BackchannelLogoutUri = null,
    string? FrontchannelLogoutUri = null,
    bool? MayIntrospect = null,
    IReadOnlyList<string>? PostLogoutRedirectUris = null);

/// <summary>A client secret, shown this once: Pass keeps only its hash. Null for an app without a secret.</summary>
public sealed record ClientSecretResponse(string ClientId, string? ClientSecret);
