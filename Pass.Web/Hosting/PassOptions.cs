using Pass.Shared.Clients;
using System.ComponentModel.DataAnnotations;
using Pass.Shared.Cards;

namespace Pass.Web.Hosting;

/// <summary>Section <c>Pass</c>.</summary>
public sealed class PassOptions
{
    public const string Section = "Pass";

    /// <summary>Folder of the SQLite database and the key files, relative to the content root. Default <c>App_Data</c>.</summary>
    public string DataDirectory { get; set; } = "App_Data";

    /// <summary>Refuse plain HTTP on the OAuth endpoints. Default: on outside Development.</summary>
    public bool? RequireHttps { get; set; }

    /// <summary>The issuer URL tokens and metadata name; default: the request's own address.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>
    /// When a commit counts as done. <c>Normal</c> (default): it survives the process being killed; a power cut may
    /// lose the last commits. <c>Full</c>: it survives a power cut too, at one disk flush per commit.
    /// </summary>
    public Durability Durability { get; set; } = Durability.Normal;

    public string ResolveDataDirectory(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, DataDirectory));
}

/// <summary>SQLite's <c>synchronous</c> setting under WAL, by what a commit must survive.</summary>
public enum Durability
{
    /// <summary>A killed process (SQLite <c>synchronous=NORMAL</c>).</summary>
    Normal,

    /// <summary>A power cut or kernel crash as well (SQLite <c>synchronous=FULL</c>).</summary>
    Full,
}

/// <summary>Section <c>Pass:Bootstrap</c>: the first administrator, created once when no administrator exists.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Pass:Bootstrap";

    public string AdminEmail { get; set; } = "admin@pass.local";

    /// <summary>When empty, a password is generated and printed once.</summary>
    public string? AdminPassword { get; set; }
}

/// <summary>An entry of <c>Pass:Clients</c>: a client created or updated at every start.</summary>
public sealed class ConfiguredClient
{
    public string ClientId { get; set; } = "";

    public string? ClientSecret { get; set; }

    public string? DisplayName { get; set; }

    public List<string> Grants { get; set; } = [];

    public CardReaderFormat? ReaderFormat { get; set; }

    /// <summary>For "Sign in with Pass" (grant <c>authorization_code</c>): where a person may be sent back, exactly.</summary>
    public List<string> RedirectUris { get; set; } = [];

    /// <summary>Ask each person once before their first sign-in to this client. Default true; false for first-party sites.</summary>
    public bool RequireConsent { get; set; } = true;

    /// <summary>A resource server: may introspect access tokens issued to other clients. Default false.</summary>
    public bool MayIntrospect { get; set; }

    /// <summary>Confidential (default: keeps a secret), Native (a phone or desktop app) or Spa (a single-page web app).</summary>
    public ClientType Type { get; set; } = ClientType.Confidential;

    /// <summary>For a single-page app: the origins it runs on, which get CORS.</summary>
    public List<string> Origins { get; set; } = [];

    /// <summary>Where Pass posts a signed logout token when a person signs out, is locked or withdraws the site.</summary>
    public string? BackchannelLogoutUri { get; set; }

    /// <summary>Where the sign-out page loads the site in a hidden frame, for sites that prefer front-channel logout.</summary>
    public string? FrontchannelLogoutUri { get; set; }

    /// <summary>Where a site may send the person after signing out of Pass, besides its <see cref="RedirectUris"/>.</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>What the shared client rule checks.</summary>
    public ClientShape Shape => new(Type, Grants, ReaderFormat is not null, RedirectUris, Origins, BackchannelLogoutUri, FrontchannelLogoutUri, MayIntrospect,
        PostLogoutRedirectUris);
}

/// <summary>Section <c>Pass:Qr</c>.</summary>
public sealed class QrOptions
{
    public const string Section = "Pass:Qr";

    /// <summary>How long an auth_code can be redeemed. Default 120 s, at most 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromSeconds(120);
}

/// <summary>Section <c>Pass:Tokens</c>.</summary>
public sealed class TokenOptions
{
    public const string Section = "Pass:Tokens";

    /// <summary>Default 1 hour.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Default 14 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a client that retries a refresh (it lost the answer) gets the same new pair again. Default 10 seconds;
    /// at most a minute; 0 turns the grace off. Any later use of a rotated refresh token revokes the whole family.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often expired and revoked tokens are removed. Default 1 hour.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a dead token stays listed before it is pruned. Default 1 day.</summary>
    public TimeSpan PruneAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Live tokens check_token keeps in memory. Default 500,000.</summary>
    [Range(0, 50_000_000)]
    public int CheckCacheCapacity { get; set; } = 500_000;
}

/// <summary>Section <c>Pass:Kiosk</c>: "scan to sign in on this screen".</summary>
public sealed class KioskOptions
{
    public const string Section = "Pass:Kiosk";

    /// <summary>How long a kiosk's QR code can be approved. Default 5 minutes, between 30 seconds and 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "00:15:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often a device may poll the token endpoint while its code waits (RFC 8628 <c>interval</c>); polling faster is
    /// answered <c>slow_down</c>. Default 5 seconds, between 1 and 60.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Section <c>Pass:Sms</c>: codes sent by SMS (SPEC §2.5) and how they are delivered.</summary>
public sealed class SmsOptions
{
    public const string Section = "Pass:Sms";

    /// <summary>Digits in a code. Default 6.</summary>
    [Range(4, 8)]
    public int CodeLength { get; set; } = 6;

    /// <summary>Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "00:30:00")]
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Region of phone numbers written without a country code (ISO 3166). Default CN.</summary>
    [Required, RegularExpression("^[A-Z]{2}$")]
    public string DefaultRegion { get; set; } = "CN";

    /// <summary>Least time between two codes to one phone. Default 60 s.</summary>
    public TimeSpan PhoneInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Codes to one phone per hour. Default 5.</summary>
    [Range(1, 1000)]
    public int PhonePerHour { get; set; } = 5;

    /// <summary>Codes one client may send per hour. Default 500.</summary>
    [Range(1, 1_000_000)]
    public int ClientPerHour { get; set; } = 500;

    /// <summary>The message; <c>{title}</c>, <c>{code}</c> and <c>{minutes}</c> are filled in.</summary>
    public string Template { get; set; } = "【{title}】验证码 {code}，{minutes} 分钟内有效。Your code is {code}.";

    /// <summary>A generic HTTP SMS gateway; without a URL, messages stay in the outbox (and the console in Development).</summary>
    public SmsGatewayOptions Gateway { get; set; } = new();
}

public sealed class SmsGatewayOptions
{
    public Uri? Url { get; set; }

    /// <summary>Default POST.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>The request body; <c>{phone}</c> and <c>{message}</c> are filled in, JSON-escaped.</summary>
    public string BodyTemplate { get; set; } = "{\"to\":\"{phone}\",\"text\":\"{message}\"}";

    public string ContentType { get; set; } = "application/json";

    /// <summary>Sent as the Authorization header when set (e.g. <c>Bearer …</c>).</summary>
    public string? Authorization { get; set; }
}
