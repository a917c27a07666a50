using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pass.Shared.Oauth;
using Pass.Web.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Pass.Web.Infrastructure;

namespace Pass.Web.Users;

/// <summary>
/// Identity's sign-in, with what OpenID Connect asks of a session written on the cookie once, at sign-in: when it
/// happened (<c>auth_time</c>), how (<c>amr</c>) and which session it is (<c>sid</c>). A refresh of the cookie (after a
/// profile change, or the security stamp's check) keeps them, so <c>max_age</c> and back-channel logout see the
/// sign-in itself, not the last renewal.
/// </summary>
public sealed class PassSignInManager(
    UserManager<ApplicationUser> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<ApplicationUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    Logout.LogoutOutbox logouts,
    KnownDevices devices,
    TimeProvider time)
    : SignInManager<ApplicationUser>(users, context, claims, options, logger, schemes, confirmation)
{
    /// <summary>The claims a session keeps for its whole life.</summary>
    public static readonly IReadOnlySet<string> SessionClaimTypes =
        new HashSet<string>(StringComparer.Ordinal) { Claims.AuthenticationTime, Claims.AuthenticationMethodReference, PassClaims.SessionId, ClaimTypes.AuthenticationMethod };

    // What the sign-in under way proved besides what Identity itself records ("pwd", "mfa").
    private string[] _methods = [];

    /// <summary>An unknown account verifies a throw-away hash, as a wrong password verifies the real one.</summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await FindOrSpendAsync(userName, password) is not { } user)
        {
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>Checks a password without signing in (proving who one is, to link an account), with the same lockout and the same cost for an unknown account.</summary>
    public async Task<(ApplicationUser? Person, SignInResult Result)> CheckPasswordAsync(string userName, string password)
    {
        var user = await FindOrSpendAsync(userName, password);
        return (user, user is null ? SignInResult.Failed : await CheckPasswordSignInAsync(user, password, lockoutOnFailure: true));
    }

    private async Task<ApplicationUser?> FindOrSpendAsync(string userName, string password)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            UnknownAccountTiming.SpendVerification(UserManager, password);
        }

        return user;
    }

    /// <summary>A locked account verifies a throw-away hash too: Identity answers it before hashing, which is faster.</summary>
    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        if (UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user))
        {
            UnknownAccountTiming.SpendVerification(UserManager, password);
        }

        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    public override Task<SignInResult> PasskeySignInAsync(string credentialJson)
    {
        _methods = [SignInMethods.HardwareKey];
        return base.PasskeySignInAsync(credentialJson);
    }

    public override Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        _methods = [SignInMethods.Password, SignInMethods.OneTimePassword];
        return base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
    }

    public override Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        _methods = [SignInMethods.Password];
        return base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
    }

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var all = additionalClaims.ToList();
        if (!all.Exists(c => c.Type == Claims.AuthenticationTime))
        {
            all.Add(new Claim(Claims.AuthenticationTime, time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
            all.Add(new Claim(PassClaims.SessionId, Secrets.NewToken()));
            var methods = _methods.ToList();
            if (all.Exists(c => c.Type == ClaimTypes.AuthenticationMethod && c.Value == SignInMethods.KioskQr))
            {
                methods.Add(SignInMethods.Qr);
            }

            all.AddRange(methods.Where(m => !all.Exists(c => c.Type == Claims.AuthenticationMethodReference && c.Value == m))
                .Select(m => new Claim(Claims.AuthenticationMethodReference, m)));

            // A new session: the browser it is in is remembered, and a browser new to the person is told to them.
            await devices.SeenAsync(Context, user.Id, Context.RequestAborted);
        }

        await base.SignInWithClaimsAsync(user, authenticationProperties, all);
    }

    /// <summary>Signing out of Pass ends the session at every site it signed in to (Back-Channel Logout, by its <c>sid</c>).</summary>
    public override async Task SignOutAsync()
    {
        var userId = UserManager.GetUserId(Context.User);
        var sessionId = Context.User.FindFirstValue(PassClaims.SessionId);
        await base.SignOutAsync();
        if (userId is not null)
        {
            await logouts.NotifyAsync(userId, LogoutReason.SignedOut, sessionId);
        }
    }

    /// <summary>Identity's refresh keeps only <c>amr</c>; this keeps the whole session.</summary>
    public override async Task RefreshSignInAsync(ApplicationUser user)
    {
        var auth = await Context.AuthenticateAsync(AuthenticationScheme);
        if (!auth.Succeeded || auth.Principal is null || UserManager.GetUserId(auth.Principal) != await UserManager.GetUserIdAsync(user))
        {
            await base.RefreshSignInAsync(user);
            return;
        }

        await SignInWithClaimsAsync(user, auth.Properties, [.. auth.Principal.Claims.Where(c => SessionClaimTypes.Contains(c.Type))]);
    }

    /// <summary>For the security stamp's periodic re-issue of the cookie principal.</summary>
    public static Task KeepSession(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            identity.AddClaims(current.Claims.Where(c => SessionClaimTypes.Contains(c.Type) && !identity.HasClaim(c.Type, c.Value))
                .Select(c => new Claim(c.Type, c.Value, c.ValueType)));
        }

        return Task.CompletedTask;
    }
}
