using Pass.Shared.Cards;

namespace Pass.Shared.Clients;

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
    IReadOnlyList<string>? PostLogoutRedirectUris = null,
    IReadOnlyList<string>? Permissions = null);
