namespace Pass.Shared.Cards;

public sealed record BindCardRequest(string? UserId, string? CardNumber, CardReaderFormat? Format);

public sealed record ReplaceCardRequest(string? CardNumber, CardReaderFormat? Format);

/// <summary>A card binding as the portal shows it; <see cref="CardNumber"/> is full only for the helpdesk.</summary>
public sealed record CardBindingView(
    Guid Id,
    string MaskedNumber,
    string? CardNumber,
    string UserId,
    string? UserDisplayName,
    CardBindingStatus Status,
    DateTimeOffset BoundAt,
    DateTimeOffset? EndedAt,
    Guid? ReplacedBy);
