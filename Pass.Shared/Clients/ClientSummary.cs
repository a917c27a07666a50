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
    IReadOnlyList<string>? PostLogoutRedirectUris = null,
    IReadOnlyList<string>? Permissions = null);
