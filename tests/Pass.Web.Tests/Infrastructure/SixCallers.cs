using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Pass.Shared;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Shared.Tokens;

namespace Pass.Web.Tests.Infrastructure;

/// <summary>The callers of the authorization matrix, in its column order.</summary>
public enum Who
{
    Anonymous,

    /// <summary>Person A, role User: the owner of every per-person resource the matrix asks about.</summary>
    User,

    /// <summary>Person B, role User, asking about A's resources.</summary>
    AnotherUser,
    Helpdesk,
    Admin,

    /// <summary>A subsystem: its client credentials, or its client_credentials access token.</summary>
    Terminal,
}

/// <summary>
/// One Pass with the matrix's six callers signed in (portal cookie + antiforgery header, and an access token from the
/// person's app), and makers of fresh resources owned by person A, so a request that changes something never
/// changes what another row asks about.
/// </summary>
public sealed class SixCallers : IAsyncLifetime
{
    private const string UserEmail = "user-a@test.local";
    private const string AnotherEmail = "user-b@test.local";
    private const string HelpdeskEmail = "desk@test.local";
    private static int _cards;

    private readonly Dictionary<Who, PortalSession> _sessions = [];

    public PassApplication App { get; } = new(settings: new Dictionary<string, string> { ["Pass:RateLimits:Enabled"] = "false" });

    public string UserId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        UserId = await App.CreatePersonAsync(UserEmail, "Person A");
        await App.CreatePersonAsync(AnotherEmail, "Person B");
        await App.CreatePersonAsync(HelpdeskEmail, "Desk", PassRoles.Helpdesk);
        foreach (var who in People)
        {
            _sessions[who] = await SignInAsync(Email(who), Password(who));
        }
    }

    /// <summary>A portal session for <paramref name="who"/>; <paramref name="fresh"/> signs in anew (for sign-out).</summary>
    public async Task<HttpClient> PortalAsync(Who who, bool fresh)
    {
        if (who is Who.Anonymous or Who.Terminal)
        {
            // A terminal's token is not a portal session.
            return await AppClientAsync(who);
        }

        return fresh ? (await SignInAsync(Email(who), Password(who))).Http : _sessions[who].Http;
    }

    /// <summary>What an app sends: a new access token of the caller's own (anonymous: nothing).</summary>
    public async Task<HttpClient> AppClientAsync(Who who)
    {
        var client = Plain();
        if (who != Who.Anonymous)
        {
            var token = who == Who.Terminal ? await Api().TerminalTokenAsync()
                : (await Api().PersonTokensAsync(Email(who), Password(who), "openid profile offline_access")).AccessToken;
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return client;
    }

    /// <summary>Token endpoint callers: the terminal authenticates as a client, a person's app shows its person's token.</summary>
    public async Task<HttpClient> ClientAsync(Who who)
    {
        if (who != Who.Terminal)
        {
            return await AppClientAsync(who);
        }

        var client = Plain();
        client.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(
            System.Text.Encoding.UTF8.GetBytes($"{TestClient.Terminal.ClientId}:{TestClient.Terminal.Secret}")));
        return client;
    }

    /// <summary>A new token of person A (password grant), as its id in the token lists.</summary>
    public async Task<string> NewTokenOfUserAsync()
    {
        await Api().PersonTokensAsync(UserEmail);
        var mine = await _sessions[Who.User].ReadAsync<PagedResult<TokenView>>(await _sessions[Who.User].Http.GetAsync(PassRoutes.Me + "/tokens"));
        return mine.Items.OrderByDescending(t => t.CreatedAt).First().Id;
    }

    /// <summary>A new QR session of person A, as its session id.</summary>
    public async Task<string> NewQrSessionOfUserAsync()
    {
        var created = await _sessions[Who.User].ReadAsync<PortalQrCode>(await _sessions[Who.User].PostAsync(PassRoutes.Me + "/qr"));
        return created.Session;
    }

    /// <summary>A new card bound to person A, as its binding id.</summary>
    public async Task<Guid> NewCardOfUserAsync() => await BindNewCardAsync(UserId);

    public async Task<Guid> BindNewCardAsync(string userId)
    {
        var response = await _sessions[Who.Admin].PostAsync(PassRoutes.Cards, new BindCardRequest(userId, NewCardNumber(), CardReaderFormat.HexUid));
        return (await _sessions[Who.Admin].ReadAsync<CardBindingView>(response, System.Net.HttpStatusCode.Created)).Id;
    }

    /// <summary>A notice in person A's inbox, written as Pass writes them.</summary>
    public Task<Guid> NewNoticeOfUserAsync() => App.WithScopeAsync(async sp =>
    {
        var board = sp.GetRequiredService<Pass.Web.Messages.NoticeBoard>();
        var notice = await board.AddAsync(UserId, Pass.Shared.Messages.NoticeKind.PasswordChanged, []);
        await sp.GetRequiredService<Pass.Web.Data.PassDbContext>().SaveChangesAsync();
        return notice.Id;
    });

    public async Task<string> NewPersonAsync() => (await App.CreatePeopleAsync(1))[0];

    public static string NewCardNumber() => $"{0xA0000000 + Interlocked.Increment(ref _cards):X8}";

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }

        await App.DisposeAsync();
    }

    private static readonly Who[] People = [Who.User, Who.AnotherUser, Who.Helpdesk, Who.Admin];

    private static string Email(Who who) => who switch
    {
        Who.User => UserEmail,
        Who.AnotherUser => AnotherEmail,
        Who.Helpdesk => HelpdeskEmail,
        _ => PassApplication.AdminEmail,
    };

    private static string Password(Who who) => who == Who.Admin ? PassApplication.AdminPassword : PassApplication.PersonPassword;

    private OAuthApi Api() => new(Plain());

    private HttpClient Plain() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private Task<PortalSession> SignInAsync(string email, string password) => PortalSession.SignInAsync(App, email, password, followRedirects: false);
}
