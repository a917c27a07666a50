using Pass.Shared.Cards;

namespace Pass.Shared.Clients;

public sealed record ClientSummary(
    string ClientId,
    string DisplayName,
    IReadOnlyList<string> Grants,
    CardReaderFormat? ReaderFormat,
    bool IsDisabled,
    bool IsBuiltIn = false,
    IReadOnlyList<string>? RedirectUris = null,
    bool RequireConsent = true);

/// <summary>A new client. <paramref name="RedirectUris"/>: where "Sign in with Pass" may return (the authorization_code grant).</summary>
public sealed record RegisterClientRequest(
    string? DisplayName,
    IReadOnlyList<string>? Grants,
    CardReaderFormat? ReaderFormat = null,
    IReadOnlyList<string>? RedirectUris = null,
    bool? RequireConsent = null);

public sealed record UpdateClientRequest(
    string? DisplayName,
    IReadOnlyList<string>? Grants,
    CardReaderFormat? ReaderFormat = null,
    IReadOnlyList<string>? RedirectUris = null,
    bool? RequireConsent = null);

/// <summary>A client secret, shown this once: Pass keeps only its hash.</summary>
public sealed record ClientSecretResponse(string ClientId, string ClientSecret);
