using System.Globalization;
using System.Numerics;
using Pass.Shared.Users;

namespace Pass.Shared.Cards;

/// <summary>
/// A card's identity in its one canonical form: the identifier bytes as upper-case hex, most
/// significant byte first, no separators. A MIFARE UID is 4, 7 or 10 bytes (8, 14, 20 hex digits);
/// a Wiegand 26 credential is 3 bytes (facility, then the 16-bit number), so the two never collide.
/// </summary>
public readonly record struct CardNumber
{
    private static readonly int[] UidLengths = [4, 7, 10];

    private CardNumber(string canonical) => Value = canonical;

    /// <summary>Upper-case hex, the form stored and compared.</summary>
    public string Value { get; }

    /// <summary>Only the last four hex digits, for lists and messages: <c>••••3B1C</c>.</summary>
    public string Masked => CardNumberMask.Mask(Value);

    public override string ToString() => Value;

    /// <summary>Reads a value already in canonical form (stored, or shown by Pass), else null.</summary>
    public static CardNumber? TryFromCanonical(string? canonical) =>
        canonical is { Length: 6 or 8 or 14 or 20 } && IsUpperHex(canonical) ? new CardNumber(canonical) : null;

    /// <summary>Re-reads a value that was stored canonical (from the database); throws if it is not.</summary>
    public static CardNumber FromCanonical(string canonical) =>
        TryFromCanonical(canonical) ?? throw new FormatException("Not a canonical card number.");

    public static CardNumberParseResult TryParse(string? typed, CardReaderFormat format)
    {
        var text = Compact(typed, format == CardReaderFormat.Wiegand26);
        if (text.Length == 0)
        {
            return CardNumberParseResult.Fail(CardNumberError.Empty);
        }

        return format switch
        {
            CardReaderFormat.HexUid => ParseHex(text),
            CardReaderFormat.DecimalUid => ParseDecimal(text, reversed: false),
            CardReaderFormat.DecimalUidReversed => ParseDecimal(text, reversed: true),
            CardReaderFormat.Wiegand26 => ParseWiegand(text),
            _ => CardNumberParseResult.Fail(CardNumberError.UnknownFormat),
        };
    }

    /// <summary>A number as a reader of <paramref name="format"/> typed it, or, without a format, in canonical form.</summary>
    public static CardNumberParseResult TryRead(string? number, CardReaderFormat? format) =>
        format is { } f ? TryParse(number, f)
        : TryFromCanonical(number) is { } canonical ? CardNumberParseResult.Ok(canonical)
        : CardNumberParseResult.Fail(CardNumberError.WrongLength);

    public static CardNumber Parse(string? typed, CardReaderFormat format) =>
        TryParse(typed, format) is { Number: { } n } ? n : throw new FormatException(TryParse(typed, format).Reason);

    // Readers and people add spaces, colons and dashes between groups; a trailing CR/LF is the reader's Enter.
    private static string Compact(string? typed, bool keepGroupSeparator)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return "";
        }

        var trimmed = typed.Trim();
        if (keepGroupSeparator)
        {
            return trimmed;
        }

        Span<char> buffer = trimmed.Length <= 256 ? stackalloc char[trimmed.Length] : new char[trimmed.Length];
        var length = 0;
        foreach (var c in trimmed)
        {
            if (c is ' ' or ':' or '-' or '\t')
            {
                continue;
            }

            buffer[length++] = c;
        }

        return new string(buffer[..length]);
    }

    private static CardNumberParseResult ParseHex(string text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return CardNumberParseResult.Fail(CardNumberError.NotHex);
            }
        }

        if (text.Length % 2 != 0 || !UidLengths.Contains(text.Length / 2))
        {
            return CardNumberParseResult.Fail(CardNumberError.WrongLength);
        }

        return CardNumberParseResult.Ok(new CardNumber(text.ToUpperInvariant()));
    }

    private static CardNumberParseResult ParseDecimal(string text, bool reversed)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return CardNumberParseResult.Fail(CardNumberError.NotDecimal);
            }
        }

        // The digit count says the UID length: up to 10 digits hold 4 bytes, 17 hold 7, 25 hold 10.
        int bytes = text.Length switch
        {
            <= 10 => 4,
            <= 17 => 7,
            <= 25 => 10,
            _ => 0,
        };
        if (bytes == 0)
        {
            return CardNumberParseResult.Fail(CardNumberError.WrongLength);
        }

        var value = BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value >= BigInteger.One << (bytes * 8))
        {
            return CardNumberParseResult.Fail(CardNumberError.OutOfRange);
        }

        var raw = new byte[bytes];
        value.TryWriteBytes(raw, out _, isUnsigned: true, isBigEndian: !reversed);
        if (!reversed)
        {
            // TryWriteBytes writes the minimal big-endian form at the start; right-align it.
            var minimal = value.GetByteCount(isUnsigned: true);
            if (value.IsZero)
            {
                minimal = 1;
            }

            var aligned = new byte[bytes];
            Array.Copy(raw, 0, aligned, bytes - minimal, minimal);
            raw = aligned;
        }

        return CardNumberParseResult.Ok(new CardNumber(Convert.ToHexString(raw)));
    }

    private static CardNumberParseResult ParseWiegand(string text)
    {
        string facilityText, numberText;
        var separator = text.IndexOfAny([',', '/', ':', '-', ' ', '.']);
        if (separator >= 0)
        {
            facilityText = text[..separator].Trim();
            numberText = text[(separator + 1)..].Trim();
        }
        else if (text.Length == 8)
        {
            facilityText = text[..3];
            numberText = text[3..];
        }
        else
        {
            return CardNumberParseResult.Fail(CardNumberError.WrongLength);
        }

        if (facilityText.Length is 0 or > 3 || numberText.Length is 0 or > 5
            || !facilityText.All(char.IsAsciiDigit) || !numberText.All(char.IsAsciiDigit))
        {
            return CardNumberParseResult.Fail(CardNumberError.NotDecimal);
        }

        var facility = int.Parse(facilityText, CultureInfo.InvariantCulture);
        var number = int.Parse(numberText, CultureInfo.InvariantCulture);
        if (facility > 255 || number > 65535)
        {
            return CardNumberParseResult.Fail(CardNumberError.OutOfRange);
        }

        return CardNumberParseResult.Ok(new CardNumber($"{facility:X2}{number:X4}"));
    }

    private static bool IsUpperHex(string s) => s.All(c => char.IsAsciiDigit(c) || c is >= 'A' and <= 'F');
}
