using Pass.Shared.Cards;

namespace Pass.Shared.Tests;

public class CardNumberTests
{
    public static TheoryData<CardReaderFormat, string, string> SameCardInEveryFormat => new()
    {
        { CardReaderFormat.HexUid, "04A23B1C", "04A23B1C" },
        { CardReaderFormat.HexUid, "04:a2:3b:1c", "04A23B1C" },
        { CardReaderFormat.HexUid, " 04-A2-3B-1C\r\n", "04A23B1C" },
        { CardReaderFormat.HexUid, "04 a2 3b 1c", "04A23B1C" },
        { CardReaderFormat.HexUid, "0x04A23B1C", "04A23B1C" },
        { CardReaderFormat.DecimalUid, "77740828", "04A23B1C" },
        { CardReaderFormat.DecimalUid, "0077740828", "04A23B1C" },
        { CardReaderFormat.DecimalUidReversed, "473670148", "04A23B1C" },
        { CardReaderFormat.DecimalUidReversed, "0473670148\n", "04A23B1C" },
        { CardReaderFormat.HexUid, "04:11:22:33:44:55:66", "04112233445566" },
        { CardReaderFormat.DecimalUid, "01144738493519206", "04112233445566" },
        { CardReaderFormat.DecimalUidReversed, "28804199028494596", "04112233445566" },
        { CardReaderFormat.Wiegand26, "123/45678", "7BB26E" },
        { CardReaderFormat.Wiegand26, "123,45678", "7BB26E" },
        { CardReaderFormat.Wiegand26, "123 45678", "7BB26E" },
        { CardReaderFormat.Wiegand26, "12345678", "7BB26E" },
        { CardReaderFormat.Wiegand26, "123:45678\r\n", "7BB26E" },
    };

    [Theory]
    [MemberData(nameof(SameCardInEveryFormat))]
    public void What_a_reader_types_converts_to_one_canonical_number(CardReaderFormat format, string typed, string canonical)
    {
        var result = CardNumber.TryParse(typed, format);

        Assert.True(result.Success, result.Reason);
        Assert.Equal(canonical, result.Number!.Value.Value);
    }

    public static TheoryData<CardReaderFormat, string?, CardNumberError> Garbage => new()
    {
        { CardReaderFormat.HexUid, null, CardNumberError.Empty },
        { CardReaderFormat.HexUid, "   ", CardNumberError.Empty },
        { CardReaderFormat.HexUid, "04A23B1", CardNumberError.WrongLength },
        { CardReaderFormat.HexUid, "04A23B", CardNumberError.WrongLength },
        { CardReaderFormat.HexUid, "04A23BZZ", CardNumberError.NotHex },
        { CardReaderFormat.HexUid, "'; DROP TABLE cards;--", CardNumberError.NotHex },
        { CardReaderFormat.DecimalUid, "12AB", CardNumberError.NotDecimal },
        { CardReaderFormat.DecimalUid, "4294967296", CardNumberError.OutOfRange },
        { CardReaderFormat.DecimalUid, "12345678901234567890123456", CardNumberError.WrongLength },
        { CardReaderFormat.DecimalUidReversed, "+473670148", CardNumberError.NotDecimal },
        { CardReaderFormat.Wiegand26, "256/1", CardNumberError.OutOfRange },
        { CardReaderFormat.Wiegand26, "123/65536", CardNumberError.OutOfRange },
        { CardReaderFormat.Wiegand26, "1234", CardNumberError.WrongLength },
        { CardReaderFormat.Wiegand26, "12a/45678", CardNumberError.NotDecimal },
        { (CardReaderFormat)99, "04A23B1C", CardNumberError.UnknownFormat },
    };

    [Theory]
    [MemberData(nameof(Garbage))]
    public void Malformed_input_is_rejected_with_a_reason(CardReaderFormat format, string? typed, CardNumberError expected)
    {
        var result = CardNumber.TryParse(typed, format);

        Assert.False(result.Success);
        Assert.Equal(expected, result.Error);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void The_same_digits_are_different_cards_in_hex_and_in_decimal_so_the_format_is_never_guessed()
    {
        var asHex = CardNumber.Parse("12345678", CardReaderFormat.HexUid);
        var asDecimal = CardNumber.Parse("12345678", CardReaderFormat.DecimalUid);

        Assert.Equal("12345678", asHex.Value);
        Assert.Equal("00BC614E", asDecimal.Value);
        Assert.NotEqual(asHex, asDecimal);
    }

    [Fact]
    public void A_masked_number_shows_only_the_last_four_digits()
    {
        Assert.Equal("••••3B1C", CardNumber.Parse("04A23B1C", CardReaderFormat.HexUid).Masked);
    }

    [Theory]
    [InlineData("04A23B1C")]
    [InlineData("7BB26E")]
    [InlineData("04112233445566")]
    public void A_stored_canonical_number_reads_back_unchanged(string canonical)
    {
        Assert.Equal(canonical, CardNumber.FromCanonical(canonical).Value);
    }

    [Theory]
    [InlineData("04a23b1c")]
    [InlineData("04A23B1")]
    [InlineData("")]
    public void A_non_canonical_stored_value_is_refused(string stored)
    {
        Assert.Throws<FormatException>(() => CardNumber.FromCanonical(stored));
        Assert.Null(CardNumber.TryFromCanonical(stored));
    }
}
