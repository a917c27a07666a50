using Pass.Shared.Cards;
using Pass.Shared.Oauth;

namespace Pass.Web.Tests.Infrastructure;

/// <summary>An OAuth client the test host provisions through <c>Pass:Clients</c>.</summary>
public sealed record TestClient(string ClientId, string Secret, CardReaderFormat? ReaderFormat, params string[] Grants)
{
    public static readonly TestClient Terminal = new("terminal-1", "terminal-1-secret-0123456789abcdef", CardReaderFormat.HexUid,
        PassGrantTypes.ClientCredentials, PassGrantTypes.Card, PassGrantTypes.Qr, PassGrantTypes.RefreshToken);

    public static readonly TestClient DecimalTerminal = new("terminal-dec", "terminal-dec-secret-0123456789abcdef", CardReaderFormat.DecimalUid,
        PassGrantTypes.Card, PassGrantTypes.Qr);

    public static readonly TestClient App = new("person-app", "person-app-secret-0123456789abcdef", null,
        PassGrantTypes.Password, PassGrantTypes.RefreshToken);

    public static readonly TestClient Bare = new("bare-client", "bare-client-secret-0123456789abcdef", null,
        PassGrantTypes.ClientCredentials);

    public static readonly IReadOnlyList<TestClient> All = [Terminal, DecimalTerminal, App, Bare];
}
