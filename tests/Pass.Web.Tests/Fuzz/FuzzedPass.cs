using System.Net;
using System.Net.Http.Json;
using System.Text;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests.Fuzz;

/// <summary>
/// One Pass on real Kestrel for every generated request, with a signed-in administrator and person, a live person
/// token, a bound card and a QR session, so generated requests get past authentication and reach the handlers.
/// </summary>
public sealed class FuzzedPass : IAsyncLifetime
{
    private readonly Dictionary<Caller, KeyValuePair<string, string>[]> _credentials = [];

    // Abuse limits answer 429 before a handler runs; they have their own tests. Here every request should reach its handler.
    public PassApplication App { get; } = new(settings: new Dictionary<string, string> { ["Pass:RateLimits:Enabled"] = "false" });

    /// <summary>Plain HTTP: no cookie jar (credentials are per request), no redirects followed.</summary>
    public HttpClient Http { get; private set; } = null!;

    public DatabaseState Database { get; private set; } = null!;

    /// <summary>Ids that exist, for route values (never the administrator's or the signed-in person's own).</summary>
    public List<string> KnownIds { get; } = [TestClient.Bare.ClientId, TestClient.Site.ClientId];

    public async ValueTask InitializeAsync()
    {
        var address = App.StartKestrel();
        Http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var victim = await App.CreatePersonAsync("victim@test.local", "Victim");
        await App.CreatePersonAsync("fuzz@test.local", "Fuzz Person");
        _credentials[Caller.Anonymous] = [];
        _credentials[Caller.Admin] = await SignInAsync(address, PassApplication.AdminEmail, PassApplication.AdminPassword, antiforgery: true);
        _credentials[Caller.Person] = await SignInAsync(address, "fuzz@test.local", PassApplication.PersonPassword, antiforgery: true);
        _credentials[Caller.PersonWithoutAntiforgery] = await SignInAsync(address, "fuzz@test.local", PassApplication.PersonPassword, antiforgery: false);
        _credentials[Caller.Terminal] = [Authorization("Basic", $"{TestClient.Terminal.ClientId}:{TestClient.Terminal.Secret}")];
        _credentials[Caller.Forged] = [Authorization("Basic", "terminal-1:wrong-secret")];

        var api = new OAuthApi(Http);
        var person = await api.PersonTokensAsync("fuzz@test.local");
        _credentials[Caller.PersonBearer] = [KeyValuePair.Create("Authorization", "Bearer " + person.AccessToken)];
        _credentials[Caller.TerminalBearer] = [KeyValuePair.Create("Authorization", "Bearer " + await api.TerminalTokenAsync())];

        var qr = await SendAsync(new FuzzRequest("POST", Caller.PersonBearer, PassRoutes.QrCode, "application/x-www-form-urlencoded",
            Encoding.UTF8.GetBytes("session=fuzz-session"), []));
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        KnownIds.Add("fuzz-session");

        using var bind = new HttpRequestMessage(HttpMethod.Post, PassRoutes.Cards) { Content = JsonContent.Create(new BindCardRequest(victim, "04A3B2C1", CardReaderFormat.HexUid)) };
        Add(bind, _credentials[Caller.Admin]);
        var card = await (await Http.SendAsync(bind)).Content.ReadFromJsonAsync<CardBindingView>();
        KnownIds.Add(victim);
        KnownIds.Add(card!.Id.ToString());
        Database = App.ConnectionString is { } postgres ? DatabaseState.OfPostgres(postgres) : DatabaseState.OfSqlite(Path.Combine(App.DataDirectory, "pass.db"));
    }

    /// <summary>Sends a generated request as it is (headers unvalidated); the answer's body is not yet read.</summary>
    public Task<HttpResponseMessage> SendAsync(FuzzRequest generated, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(new HttpMethod(generated.Method), generated.PathAndQuery);
        if (generated.Body is not null || generated.ContentType is not null)
        {
            request.Content = new ByteArrayContent(generated.Body ?? []);
            if (generated.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", generated.ContentType);
            }
        }

        Add(request, _credentials[generated.Caller]);
        Add(request, generated.Headers);
        return Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Database?.Dispose();
        Http?.Dispose();
        await App.DisposeAsync();
    }

    private static void Add(HttpRequestMessage request, IEnumerable<KeyValuePair<string, string>> headers)
    {
        foreach (var (name, value) in headers)
        {
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }

    private static KeyValuePair<string, string> Authorization(string scheme, string credentials) =>
        KeyValuePair.Create("Authorization", $"{scheme} {Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))}");

    /// <summary>Signs in with a cookie jar once, then keeps the cookies (and the antiforgery header) as plain headers.</summary>
    private static async Task<KeyValuePair<string, string>[]> SignInAsync(Uri address, string email, string password, bool antiforgery)
    {
        var jar = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = jar }) { BaseAddress = address };
        var login = await http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest(email, password));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await http.GetFromJsonAsync<AntiforgeryToken>(PassRoutes.Antiforgery))!;
        var cookie = KeyValuePair.Create("Cookie", jar.GetCookieHeader(address));
        return antiforgery ? [cookie, KeyValuePair.Create(token.HeaderName, token.Token)] : [cookie];
    }
}
