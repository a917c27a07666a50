using Pass.Shared.Cards;

namespace Pass.Shared.Clients;

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
    IReadOnlyList<string>? PostLogoutRedirectUris = null,
    IReadOnlyList<string>? Permissions = null);
