using Microsoft.Extensions.Options;
using PhoneNumbers;
using Pass.Web.Hosting;

namespace Pass.Web.Sms;

/// <summary>Phone numbers in one form, E.164 (<c>+8613800138000</c>); a number without a country code is read in the default region.</summary>
public sealed class PhoneNormalizer(IOptions<SmsOptions> options)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form, or null when it is not a valid number.</summary>
    public string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return null;
        }

        try
        {
            var number = Util.Parse(input.Trim(), options.Value.DefaultRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
