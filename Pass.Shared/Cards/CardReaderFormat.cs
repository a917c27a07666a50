using System.Text.Json.Serialization;

namespace Pass.Shared.Cards;

/// <summary>
/// What a card reader types. Configured per terminal client and per card desk, never guessed:
/// "12345678" is valid hex and valid decimal, and means two different cards.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CardReaderFormat>))]
public enum CardReaderFormat
{
    /// <summary>The UID bytes in hex, most significant first: <c>04:A2:3B:1C</c>, <c>04a23b1c</c>.</summary>
    HexUid,

    /// <summary>The UID as one unsigned decimal number, bytes most significant first: <c>0077740828</c>.</summary>
    DecimalUid,

    /// <summary>The UID read least significant byte first, typed in decimal (common "10-digit" readers).</summary>
    DecimalUidReversed,

    /// <summary>Wiegand 26: an 8-bit facility code and a 16-bit card number, <c>123/45678</c> or <c>12345678</c>.</summary>
    Wiegand26,
}
