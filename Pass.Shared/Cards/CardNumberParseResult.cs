namespace Pass.Shared.Cards;

/// <summary>The outcome of reading what a card reader typed: a number, or why there is none.</summary>
public sealed record CardNumberParseResult(CardNumber? Number, CardNumberError? Error)
{
    public bool Success => Number is not null;

    /// <summary>Why, in English; the portal shows <see cref="Problems.ProblemTexts.For"/>'s code in the person's language.</summary>
    public string? Reason => Error is { } error ? Problems.ProblemTexts.English(Problems.ProblemTexts.For(error)) : null;

    internal static CardNumberParseResult Ok(CardNumber number) => new(number, null);

    internal static CardNumberParseResult Fail(CardNumberError error) => new(null, error);
}
