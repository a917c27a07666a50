using System.Text.Json;

namespace Pass.Web.Clients;

/// <summary>
/// What a browser-facing client registers beyond its redirect URIs, kept in the OpenIddict application's properties:
/// the origins a single-page app runs on (CORS) and where a site hears that a person signed out.
/// </summary>
public sealed record ClientAddresses(IReadOnlyList<string> Origins, string? BackchannelUri, string? FrontchannelUri)
{
    private const string OriginsKey = "pass_origins";
    private const string BackchannelKey = "backchannel_logout_uri";
    private const string FrontchannelKey = "frontchannel_logout_uri";

    public static readonly ClientAddresses None = new([], null, null);

    public static ClientAddresses Of(IReadOnlyDictionary<string, JsonElement> properties) => new(
        properties.TryGetValue(OriginsKey, out var origins) && origins.ValueKind == JsonValueKind.Array
            ? [.. origins.EnumerateArray().Select(o => o.GetString()!).Where(o => o is not null)]
            : [],
        Text(properties, BackchannelKey),
        Text(properties, FrontchannelKey));

    public void WriteTo(Dictionary<string, JsonElement> properties)
    {
        properties.Remove(OriginsKey);
        properties.Remove(BackchannelKey);
        properties.Remove(FrontchannelKey);
        var origins = Origins.Select(Pass.Shared.Clients.Origins.Normalize).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (origins.Count > 0)
        {
            properties[OriginsKey] = JsonSerializer.SerializeToElement(origins);
        }

        if (!string.IsNullOrWhiteSpace(BackchannelUri))
        {
            properties[BackchannelKey] = JsonSerializer.SerializeToElement(BackchannelUri.Trim());
        }

        if (!string.IsNullOrWhiteSpace(FrontchannelUri))
        {
            properties[FrontchannelKey] = JsonSerializer.SerializeToElement(FrontchannelUri.Trim());
        }
    }

    private static string? Text(IReadOnlyDictionary<string, JsonElement> properties, string key) =>
        properties.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
