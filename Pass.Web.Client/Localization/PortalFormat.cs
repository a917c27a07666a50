using System.Globalization;
using Microsoft.Extensions.Localization;
using Pass.Web.Client.Resources;

namespace Pass.Web.Client.Localization;

/// <summary>Times in the viewer's time zone and culture; enum-like values through the resources.</summary>
public static class PortalFormat
{
    public static string When(DateTimeOffset? value) =>
        value is { } v ? v.ToLocalTime().ToString("g", CultureInfo.CurrentCulture) : "—";

    /// <summary><c>T["Prefix_value"]</c>, or the value itself when the resources do not name it.</summary>
    public static string Label(this IStringLocalizer<PortalText> text, string prefix, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "—";
        }

        var found = text[prefix + "_" + value];
        return found.ResourceNotFound ? value : found.Value;
    }
}
