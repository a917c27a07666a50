namespace Pass.Web.Data;

/// <summary>
/// A browser a person has signed in from, known by the random id in its <c>.Pass.Device</c> cookie (stored only as a
/// hash). A sign-in from a browser not in the list tells the person, unless it is their first sign-in of all.
/// </summary>
public sealed class KnownDevice
{
    public string UserId { get; set; } = "";

    public string DeviceHash { get; set; } = "";

    /// <summary>What the browser said it is, as a person reads it ("Chrome on Windows").</summary>
    public string Name { get; set; } = "";

    public DateTimeOffset FirstSeenAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}
