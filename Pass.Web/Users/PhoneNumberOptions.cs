using System.ComponentModel.DataAnnotations;

namespace Pass.Web.Users;

/// <summary>Key <c>Pass:Sms:DefaultRegion</c>: how a phone number a person or an administrator types is read.</summary>
public sealed class PhoneNumberOptions
{
    public const string Section = "Pass:Sms";

    /// <summary>Region of phone numbers written without a country code (ISO 3166). Default CN.</summary>
    [Required, RegularExpression("^[A-Z]{2}$")]
    public string DefaultRegion { get; set; } = "CN";
}
