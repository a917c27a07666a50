using System.Text.RegularExpressions;

namespace Pass.Shared.Cards;

/// <summary>
/// Spots a reader whose configured format is probably wrong. A decimal reader never types hex letters or byte
/// pairs, so <c>11:22:33:44</c> read as decimal is almost surely a hex reader misconfigured; a hex reader never
/// types a 10-digit number. Only a hint: a number that fits both formats (<c>12345678</c>) gets none.
/// </summary>
public static partial class ReaderFormatCheck
{
    public static ReaderFormatMismatch? Check(string? typed, CardReaderFormat format)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var text = typed.Trim();
        if (format == CardReaderFormat.HexUid)
        {
            return !CardNumber.TryParse(text, CardReaderFormat.HexUid).Success && text.All(char.IsAsciiDigit)
                && CardNumber.TryParse(text, CardReaderFormat.DecimalUid).Success
                ? ReaderFormatMismatch.LooksDecimal
                : null;
        }

        var hexShaped = text.Any(char.IsAsciiLetter) || text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || BytePairs().IsMatch(text);
        return hexShaped && CardNumber.TryParse(text, CardReaderFormat.HexUid).Success ? ReaderFormatMismatch.LooksHex : null;
    }

    // Four or more two-digit groups with one separator between them: how hex readers and people write a UID.
    [GeneratedRegex(@"^[0-9A-Fa-f]{2}([:\- ][0-9A-Fa-f]{2}){3,}$")]
    private static partial Regex BytePairs();
}
