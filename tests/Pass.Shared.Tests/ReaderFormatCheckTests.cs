using Pass.Shared.Cards;

namespace Pass.Shared.Tests;

public class ReaderFormatCheckTests
{
    [Theory]
    [InlineData("11:22:33:44", CardReaderFormat.DecimalUid)]
    [InlineData("11-22-33-44", CardReaderFormat.DecimalUidReversed)]
    [InlineData("04 A2 3B 1C", CardReaderFormat.DecimalUid)]
    [InlineData("04:11:22:33:44:55:66", CardReaderFormat.DecimalUid)]
    [InlineData("04a23b1c", CardReaderFormat.DecimalUid)]
    [InlineData("0x04A23B1C", CardReaderFormat.DecimalUid)]
    [InlineData("04A23B1C", CardReaderFormat.Wiegand26)]
    public void A_hex_uid_typed_at_a_decimal_or_wiegand_desk_looks_hex(string typed, CardReaderFormat format)
    {
        Assert.Equal(ReaderFormatMismatch.LooksHex, ReaderFormatCheck.Check(typed, format));
    }

    [Fact]
    public void Byte_pairs_look_hex_even_though_a_decimal_reader_would_accept_the_digits()
    {
        // The bug: "11:22:33:44" is a valid decimal number once the separators go, so it was bound silently.
        Assert.True(CardNumber.TryParse("11:22:33:44", CardReaderFormat.DecimalUid).Success);

        Assert.Equal(ReaderFormatMismatch.LooksHex, ReaderFormatCheck.Check("11:22:33:44", CardReaderFormat.DecimalUid));
    }

    [Theory]
    [InlineData("0077740828")]
    [InlineData("3735928559")]
    [InlineData("123456789")]
    [InlineData("01144738493519206")]
    public void A_decimal_uid_typed_at_a_hex_desk_looks_decimal(string typed)
    {
        Assert.Equal(ReaderFormatMismatch.LooksDecimal, ReaderFormatCheck.Check(typed, CardReaderFormat.HexUid));
    }

    [Theory]
    [InlineData("0077740828", CardReaderFormat.DecimalUid)]
    [InlineData("473670148", CardReaderFormat.DecimalUidReversed)]
    [InlineData("12345678", CardReaderFormat.DecimalUid)]
    [InlineData("12345678", CardReaderFormat.HexUid)]
    [InlineData("04:A2:3B:1C", CardReaderFormat.HexUid)]
    [InlineData("04a23b1c", CardReaderFormat.HexUid)]
    [InlineData("123/45678", CardReaderFormat.Wiegand26)]
    [InlineData("123:45678", CardReaderFormat.Wiegand26)]
    [InlineData("12345678", CardReaderFormat.Wiegand26)]
    [InlineData("", CardReaderFormat.DecimalUid)]
    [InlineData(null, CardReaderFormat.HexUid)]
    public void What_fits_the_configured_reader_or_fits_both_gets_no_hint(string? typed, CardReaderFormat format)
    {
        Assert.Null(ReaderFormatCheck.Check(typed, format));
    }

    [Theory]
    [InlineData("hello", CardReaderFormat.DecimalUid)]
    [InlineData("04A23BZZ", CardReaderFormat.DecimalUid)]
    [InlineData("123/45678", CardReaderFormat.HexUid)]
    [InlineData("12345678901234567890123456", CardReaderFormat.HexUid)]
    public void Garbage_that_is_no_card_in_the_other_format_either_gets_no_hint(string typed, CardReaderFormat format)
    {
        Assert.Null(ReaderFormatCheck.Check(typed, format));
    }
}
