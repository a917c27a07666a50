using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Options;

namespace Pass.Web.Channels;

/// <summary>
/// What WeChat's and Alipay's web authorization share, on ASP.NET Core's OAuth handler: a short <c>state</c>
/// (<see cref="ChannelState"/>), the app id and secret read per request from <see cref="ChannelDirectory"/>, the code
/// under the provider's own parameter name, and errors that come as HTTP 200. Each provider says how to build the
/// authorization address, redeem the code and read the account.
/// </summary>
public abstract class ChannelHandler(IOptionsMonitor<ChannelAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, ChannelDirectory channels)
    : OAuthHandler<ChannelAuthenticationOptions>(options, logger, encoder)
{
    /// <summary>The claim with the provider's account id for this app (WeChat openid, Alipay user_id or open_id).</summary>
    public const string AccountClaim = "pass:channel:account";

    /// <summary>A second key the same account may be linked under (WeChat's per-app openid when the primary is its unionid).</summary>
    public const string AlternateKeyClaim = "pass:channel:alternate-key";

    private static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Sends the browser back to where the sign-in or the link started, saying why.</summary>
    private HandleRequestResult Back(string reason, AuthenticationProperties? properties)
    {
        Response.Redirect(ChannelReturn.Address(Context, reason, properties));
        return HandleRequestResult.Handle();
    }

    protected ChannelSecrets Settings { get; private set; } = default!;

    /// <summary>The query parameter the provider puts the code in.</summary>
    protected virtual string CodeParameter => "code";

    protected abstract string AuthorizationUrl(string state, string redirectUri);

    /// <summary>Redeems the code and reads the account, or says why not in words for the log.</summary>
    protected abstract Task<ChannelAccount> RedeemAsync(string code, CancellationToken ct);

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (await channels.ReadyAsync(Options.Kind, Context.RequestAborted) is not { } settings)
        {
            Response.Redirect(ChannelReturn.Address(Context, ChannelReturn.Unavailable, properties));
            return;
        }

        Settings = settings;
        if (string.IsNullOrEmpty(properties.RedirectUri))
        {
            properties.RedirectUri = OriginalPathBase + OriginalPath + Request.QueryString;
        }

        GenerateCorrelationId(properties);
        var state = ChannelState.Save(Context, Options.StateDataFormat, properties, StateLifetime);
        var url = AuthorizationUrl(state, BuildRedirectUri(Options.CallbackPath));
        await Events.RedirectToAuthorizationEndpoint(new RedirectContext<OAuthOptions>(Context, Scheme, Options, properties, url));
    }

    protected override async Task<HandleRequestResult> HandleRemoteAuthenticateAsync()
    {
        var properties = ChannelState.Take(Context, Options.StateDataFormat, Request.Query["state"]);
        if (properties is null)
        {
            Logger.LogInformation("{Kind}: the state was missing, expired or not this browser's.", Options.Kind);
            return Back(ChannelReturn.Expired, null);
        }

        if (!ValidateCorrelationId(properties))
        {
            return HandleRequestResult.Fail("Correlation failed.", properties);
        }

        // Both providers send the person back without a code when they refuse.
        var code = Request.Query[CodeParameter].ToString();
        if (string.IsNullOrEmpty(code) || code.Length > 512)
        {
            return Back(ChannelReturn.Denied, properties);
        }

        if (await channels.ReadyAsync(Options.Kind, Context.RequestAborted) is not { } settings)
        {
            return Back(ChannelReturn.Unavailable, properties);
        }

        Settings = settings;
        ChannelAccount account;
        try
        {
            account = await RedeemAsync(code, Context.RequestAborted);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException)
        {
            Logger.LogWarning("{Kind}: the provider could not be reached or answered nonsense ({Error}).", Options.Kind, e.GetType().Name);
            return HandleRequestResult.Fail("The provider could not be reached.", properties);
        }

        if (account.Error is not null)
        {
            Logger.LogWarning("{Kind}: the provider refused the code: {Error}", Options.Kind, account.Error);
            return HandleRequestResult.Fail(account.Error, properties);
        }

        var identity = new ClaimsIdentity(ClaimsIssuer);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Key!, ClaimValueTypes.String, ClaimsIssuer));
        identity.AddClaim(new Claim(AccountClaim, account.AccountId!, ClaimValueTypes.String, ClaimsIssuer));
        if (account.AlternateKey is not null)
        {
            identity.AddClaim(new Claim(AlternateKeyClaim, account.AlternateKey, ClaimValueTypes.String, ClaimsIssuer));
        }

        if (!string.IsNullOrWhiteSpace(account.Name))
        {
            identity.AddClaim(new Claim(ClaimTypes.Name, account.Name, ClaimValueTypes.String, ClaimsIssuer));
        }

        return HandleRequestResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, Scheme.Name));
    }
}

/// <summary>
/// The outside account a code was redeemed for, or why not: <c>Key</c> is what the link is stored under (the Identity
/// login's provider key), <c>AccountId</c> the provider's own id of it.
/// </summary>
public sealed record ChannelAccount(string? Key, string? AccountId, string? Name, string? AlternateKey = null, string? Error = null)
{
    public static ChannelAccount Refused(string error) => new(null, null, null, Error: error);
}
