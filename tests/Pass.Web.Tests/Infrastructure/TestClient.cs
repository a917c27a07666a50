using Pass.Shared.Cards;
using Pass.Shared.Oauth;

namespace Pass.Web.Tests.Infrastructure;

/// <summary>An OAuth client the test host provisions through <c>Pass:Clients</c>.</summary>
public sealed record TestClient(string ClientId, string Secret, CardReaderFormat? ReaderFormat, params string[] Grants)
{
    /// <summary>Where "Sign in with Pass" may return, for clients with the authorization_code grant.</summary>
    public IReadOnlyList<string> RedirectUris { get; init; } = [];

    /// <summary>A resource server, allowed to introspect other clients' access tokens.</summary>
    public bool MayIntrospect { get; init; }

    /// <summary>What the client may call beyond its grants (<see cref="PassPermissions.Api"/>).</summary>
    public IReadOnlyList<string> Permissions { get; init; } = [];

    public static readonly TestClient Terminal = new("terminal-1", "terminal-1-secret-0123456789abcdef", CardReaderFormat.HexUid,
        PassGrantTypes.ClientCredentials, PassGrantTypes.Card, PassGrantTypes.Qr, PassGrantTypes.RefreshToken)
    {
        Permissions = [PassPermissions.UsersRead, PassPermissions.Messages],
    };

    /// <summary>A canteen till whose reader types decimal UIDs, allowed to look people up.</summary>
    public static readonly TestClient DecimalDesk = new("canteen-till", "canteen-till-secret-0123456789abcdef", CardReaderFormat.DecimalUid,
        PassGrantTypes.ClientCredentials) { Permissions = [PassPermissions.UsersRead] };

    public static readonly TestClient DecimalTerminal = new("terminal-dec", "terminal-dec-secret-0123456789abcdef", CardReaderFormat.DecimalUid,
        PassGrantTypes.Card, PassGrantTypes.Qr);

    public static readonly TestClient App = new("person-app", "person-app-secret-0123456789abcdef", null,
        PassGrantTypes.Password, PassGrantTypes.RefreshToken);

    public static readonly TestClient Bare = new("bare-client", "bare-client-secret-0123456789abcdef", null,
        PassGrantTypes.ClientCredentials);

    /// <summary>A web subsystem that signs people in with Pass.</summary>
    public static readonly TestClient Site = new("web-site", "web-site-secret-0123456789abcdef", null,
        PassGrantTypes.AuthorizationCode, PassGrantTypes.RefreshToken) { RedirectUris = ["https://site.test/callback"] };

    /// <summary>An app that signs people in by SMS code (and lets them move a phone to their account).</summary>
    public static readonly TestClient SmsApp = new("sms-app", "sms-app-secret-0123456789abcdef", null,
        PassGrantTypes.ClientCredentials, PassGrantTypes.Sms, PassGrantTypes.Password, PassGrantTypes.RefreshToken);

    /// <summary>An API of the campus that introspects the tokens people's apps send it.</summary>
    public static readonly TestClient ResourceServer = new("campus-api", "campus-api-secret-0123456789abcdef", null) { MayIntrospect = true };

    public static readonly IReadOnlyList<TestClient> All = [Terminal, DecimalTerminal, App, Bare, Site, SmsApp, ResourceServer, DecimalDesk];
}
