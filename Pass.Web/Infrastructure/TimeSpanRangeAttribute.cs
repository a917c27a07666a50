using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Pass.Web.Infrastructure;

/// <summary>
/// A <see cref="TimeSpan"/> option's bounds. <see cref="RangeAttribute"/> with <c>typeof(TimeSpan)</c> parses its bounds
/// lazily and not thread-safely (dotnet/runtime#1143): two hosts validating options at once in one process (the tests
/// start many) can throw <see cref="InvalidCastException"/>. These bounds are parsed once, in the constructor.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute(string minimum, string maximum) : ValidationAttribute("The field {0} must be between {1} and {2}.")
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);

    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is not TimeSpan span || (span >= Minimum && span <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, ErrorMessageString, name, Minimum, Maximum);
}
