using System.Text.Json;

namespace Pass.Shared.Cards;

/// <summary>
/// Whom a card the desk may not bind belongs to (masked) and the binding to end first; for a card reported lost, whom
/// it belonged to, the lost binding (its id acknowledges the loss) and when it was reported. A refused card action
/// carries it as facts: the card API's extensions <c>boundTo</c>, <c>bindingId</c> or <c>lostBindingId</c>, and
/// <c>reportedLostAt</c>.
/// </summary>
public sealed record CardHolder(string? BoundTo, Guid? BindingId, bool ReportedLost = false, DateTimeOffset? ReportedLostAt = null)
{
    private const string BoundToFact = "boundTo";
    private const string BindingFact = "bindingId";
    private const string LostBindingFact = "lostBindingId";
    private const string LostAtFact = "reportedLostAt";

    public static CardHolder Lost(string? boundTo, Guid lostBindingId, DateTimeOffset? reportedLostAt) =>
        new(boundTo, lostBindingId, ReportedLost: true, reportedLostAt);

    public IReadOnlyDictionary<string, JsonElement> ToFacts() => ReportedLost
        ? new Dictionary<string, JsonElement>
        {
            [BoundToFact] = JsonSerializer.SerializeToElement(BoundTo),
            [LostBindingFact] = JsonSerializer.SerializeToElement(BindingId),
            [LostAtFact] = JsonSerializer.SerializeToElement(ReportedLostAt),
        }
        : new Dictionary<string, JsonElement>
        {
            [BoundToFact] = JsonSerializer.SerializeToElement(BoundTo),
            [BindingFact] = JsonSerializer.SerializeToElement(BindingId),
        };

    /// <summary>The holder a refusal names: a lost binding, else a holder by name; null when it names neither.</summary>
    public static CardHolder? Of<T>(Outcome<T> outcome)
    {
        if (outcome.Facts is not { } facts)
        {
            return null;
        }

        string? Text(string name) => facts.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        Guid? Id(string name) => Guid.TryParse(Text(name), out var id) ? id : null;
        DateTimeOffset? When(string name) =>
            facts.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var at) ? at : null;

        return Id(LostBindingFact) is { } lost ? Lost(Text(BoundToFact), lost, When(LostAtFact))
            : Text(BoundToFact) is { } boundTo ? new CardHolder(boundTo, Id(BindingFact))
            : null;
    }
}
