using Pass.Shared.Users;

namespace Pass.Shared.Tests;

public class MaskTests
{
    [Theory]
    [InlineData("+8613800138000", "+86138****8000")]
    [InlineData("+4915112345678", "+49151****5678")]
    [InlineData("+1234", "****")]
    public void Phones_show_their_country_prefix_and_last_four_digits(string phone, string masked)
    {
        Assert.Equal(masked, PhoneMask.Mask(phone));
    }

    [Theory]
    [InlineData("04A23B1C", "••••3B1C")]
    [InlineData("04A23B1C5D6E80", "••••6E80")]
    [InlineData("3B1C", "••••")]
    public void Card_numbers_show_their_last_four_hex_digits(string canonical, string masked)
    {
        Assert.Equal(masked, CardNumberMask.Mask(canonical));
    }
}
