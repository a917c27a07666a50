using Pass.Shared.Cards;
using Pass.Shared.Clients;

namespace Pass.Web.Clients;

/// <summary>An entry of <c>Pass:Clients</c>: a client created or updated at every start.</summary>
public sealed class ConfiguredClient
{
    public const string Section = "Pass:Clients";

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

    /// <summary>What a confidential client may call beyond its grants (<see cref="Pass.Shared.Oauth.PassPermissions.Api"/>), e.g. <c>users:read</c>.</summary>
    public List<string> Permissions { get; set; } = [];

    /// <summary>The client as a registration, for the shared rule (<see cref="ClientRules.Check(RegisterClientRequest)"/>); its name defaults to its id.</summary>
    public RegisterClientRequest ToRequest() =>
        new(DisplayName ?? ClientId, Grants, ReaderFormat, RedirectUris, RequireConsent, Type, Origins, BackchannelLogoutUri, FrontchannelLogoutUri, MayIntrospect,
            PostLogoutRedirectUris, Permissions);
}
