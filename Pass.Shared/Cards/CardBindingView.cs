namespace Pass.Shared.Cards;

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
