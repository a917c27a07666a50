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
