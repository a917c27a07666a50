using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pass.Shared.Audit;
using Pass.Shared.Channels;
using Pass.Web.Audit;
using Pass.Web.Data;

namespace Pass.Web.Channels;

/// <summary>
/// Outside accounts linked to people, never guessed: an account signs a person in only once it is linked to them, one
/// account links to one person (the Identity logins' key is the database's), and every link, unlink and sign-in is audited.
/// </summary>
public sealed class ExternalAccounts(UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, AuditLog audit)
{
    /// <summary>The account a provider has just vouched for in this browser (the external cookie), or null.</summary>
    public Task<ExternalLoginInfo?> PendingAsync() => signIn.GetExternalLoginInfoAsync();

    /// <summary>The person the account is linked to, and the key it is linked under (WeChat: its unionid or this app's openid).</summary>
    public async Task<(ApplicationUser Person, string Key)?> LinkedAsync(ExternalLoginInfo info)
    {
        foreach (var key in KeysOf(info))
        {
            if (await users.FindByLoginAsync(info.LoginProvider, key) is { } person)
            {
                return (person, key);
            }
        }

        return null;
    }

    /// <summary>Links the pending account to <paramref name="person"/>, who has just proved who they are by <paramref name="proof"/>.</summary>
    public async Task<LinkOutcome> LinkAsync(ApplicationUser person, ExternalLoginInfo info, string proof, CancellationToken ct)
    {
        var masked = ChannelKeys.Masked(info.ProviderKey);
        if (await LinkedAsync(info) is { } linked)
        {
            if (linked.Person.Id == person.Id)
            {
                return LinkOutcome.AlreadyYours;
            }

            await audit.RecordAsync(AuditEventType.ExternalAccountLinked, person.Id, detail: AuditDetail.Of(AuditDetailCode.ExternalAccountTaken, info.LoginProvider, masked), success: false, ct: ct);
            return LinkOutcome.Taken;
        }

        var name = info.Principal.FindFirst(System.Security.Claims.ClaimTypes.Name)?.Value;
        var shown = string.IsNullOrWhiteSpace(name) ? masked : name;
        IdentityResult added;
        try
        {
            added = await users.AddLoginAsync(person, new UserLoginInfo(info.LoginProvider, info.ProviderKey, shown));
        }
        catch (DbUpdateException)
        {
            // Another request linked the same account a moment ago: the key is unique, so it stays theirs.
            return LinkOutcome.Taken;
        }

        if (!added.Succeeded)
        {
            return LinkOutcome.Taken;
        }

        await audit.RecordAsync(AuditEventType.ExternalAccountLinked, person.Id, detail: AuditDetail.Of(AuditDetailCode.ExternalAccountLinkedBy, info.LoginProvider, shown, proof), ct: ct);
        return LinkOutcome.Linked;
    }

    public async Task<bool> UnlinkAsync(ApplicationUser person, string provider, string key, CancellationToken ct)
    {
        if (!(await users.RemoveLoginAsync(person, provider, key)).Succeeded)
        {
            return false;
        }

        await audit.RecordAsync(AuditEventType.ExternalAccountUnlinked, person.Id, detail: AuditDetail.Of(AuditDetailCode.ExternalAccount, provider, ChannelKeys.Masked(key)), ct: ct);
        return true;
    }

    /// <summary>
    /// Signs the linked person in with Identity's rules: a locked person is refused, two-factor still asked. The
    /// external cookie is dropped once it has served.
    /// </summary>
    public async Task<SignInResult> SignInAsync(ExternalLoginInfo info, string key, ApplicationUser person, CancellationToken ct)
    {
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, key, isPersistent: false, bypassTwoFactor: false);
        var channel = ChannelProvider.FromScheme(info.AuthenticationProperties?.GetString(SchemeItem))?.ToString() ?? info.LoginProvider;

        // A sign-in that still needs its second factor is not one yet, so it is not recorded as one here.
        if (!result.RequiresTwoFactor)
        {
            await audit.RecordAsync(result.Succeeded ? AuditEventType.SignIn : AuditEventType.SignInFailed, person.Id,
                detail: result.IsLockedOut || result.IsNotAllowed ? AuditDetail.Of(AuditDetailCode.LockedOut) : AuditDetail.Of(AuditDetailCode.ExternalSignIn, channel, ChannelKeys.Masked(key)),
                success: result.Succeeded, ct: ct);
        }
        if (result.Succeeded)
        {
            await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        }

        return result;
    }

    public async Task<IReadOnlyList<LinkedAccountView>> ListAsync(ApplicationUser person) =>
        [.. (await users.GetLoginsAsync(person)).Select(l => new LinkedAccountView(l.LoginProvider, l.ProviderKey, l.ProviderDisplayName ?? ChannelKeys.Masked(l.ProviderKey)))];

    /// <summary>The authentication property that remembers which channel a sign-in came through.</summary>
    public const string SchemeItem = "pass.channel";

    private static IEnumerable<string> KeysOf(ExternalLoginInfo info)
    {
        yield return info.ProviderKey;
        if (info.Principal.FindFirst(ChannelHandler.AlternateKeyClaim)?.Value is { } alternate)
        {
            yield return alternate;
        }
    }
}

public enum LinkOutcome
{
    Linked,
    AlreadyYours,
    Taken,
}
