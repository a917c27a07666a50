namespace Pass.Shared.Cards;

public enum CardNumberError
{
    Empty,
    UnknownFormat,
    NotHex,
    NotDecimal,
    WrongLength,
    OutOfRange,
}

/// <summary>The outcome of reading what a card reader typed: a number, or why there is none.</summary>
public sealed record CardNumberParseResult(CardNumber? Number, CardNumberError? Error)
{
    public bool Success => Number is not null;

    public string? Reason => Error switch
    {
        null => null,
        CardNumberError.Empty => "No card number was given.",
        CardNumberError.UnknownFormat => "The reader format is unknown.",
        CardNumberError.NotHex => "A hex reader types only 0-9 and A-F (spaces, colons and dashes are ignored).",
        CardNumberError.NotDecimal => "A decimal reader types only digits.",
        CardNumberError.WrongLength => "The number has the wrong length for this reader format (a UID is 4, 7 or 10 bytes).",
        CardNumberError.OutOfRange => "The number is too large for this reader format.",
        _ => "The card number is not valid.",
    };

    internal static CardNumberParseResult Ok(CardNumber number) => new(number, null);

    internal static CardNumberParseResult Fail(CardNumberError error) => new(null, error);
}
