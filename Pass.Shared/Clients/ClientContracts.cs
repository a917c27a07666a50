using Pass.Shared.Cards;

namespace Pass.Shared.Clients;

public sealed record ClientSummary(
    string ClientId,
    string DisplayName,
    IReadOnlyList<string> Grants,
    CardReaderFormat? ReaderFormat,
    bool IsDisabled,
    bool IsBuiltIn = false);

public sealed record RegisterClientRequest(
    string? DisplayName,
    IReadOnlyList<string>? Grants,
    CardReaderFormat? ReaderFormat = null);

public sealed record UpdateClientRequest(
    string? DisplayName,
    IReadOnlyList<string>? Grants,
    CardReaderFormat? ReaderFormat = null);

/// <summary>A client secret, shown this once: Pass keeps only its hash.</summary>
public sealed record ClientSecretResponse(string ClientId, string ClientSecret);
