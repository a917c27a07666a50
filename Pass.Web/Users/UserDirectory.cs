using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Shared.Oauth;
using Pass.Shared.Problems;
using Pass.Shared.Users;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Oauth;
using Pass.Web.Infrastructure;

namespace Pass.Web.Users;

public enum UserChange
{
    Done,
    NotFound,
    Invalid,
    LastAdministrator,

    /// <summary>An administrator tried to lock or delete their own account.</summary>
    OwnAccount,
}

/// <summary>What a change did; <see cref="Errors"/> are per-field codes (their English texts go in the API's body).</summary>
public sealed record UserChangeResult(UserChange Outcome, UserSummary? User = null, IReadOnlyDictionary<string, CodedProblem[]>? Errors = null, string? Secret = null);

/// <summary>People: search, create, lock, roles, password reset, delete. Locking, resetting or deleting revokes every token at once.</summary>
public sealed class UserDirectory(
    PassDbContext db,
    UserManager<ApplicationUser> users,
    IOpenIddictTokenManager tokens,
    PhoneNormalizer phones,
    TimeProvider time,
    AuditLog audit,
    Logout.LogoutOutbox logouts)
{
    /// <summary>
    /// People matching <paramref name="query"/> in any case, through the normalized columns (indexed, the same on any
    /// database); <paramref name="sort"/> is name, email, staff or created, "-" first for descending.
    /// </summary>
    public async Task<PagedResult<UserSummary>> SearchAsync(string? query, int page, int pageSize, CancellationToken ct = default, string? sort = null)
    {
        var people = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = query.Trim();
            var upper = DisplayNames.Normalize(q);
            people = people.Where(u => u.NormalizedEmail!.Contains(upper) || u.NormalizedDisplayName.Contains(upper)
                || (u.StaffNumber != null && (u.StaffNumber.Contains(q) || u.StaffNumber.Contains(upper)))
                || (u.PhoneNumber != null && u.PhoneNumber.Contains(q)));
        }

        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(page, 0);
        var total = await people.CountAsync(ct);
        var descending = sort?.StartsWith('-') == true;
        IOrderedQueryable<ApplicationUser> ordered = sort?.TrimStart('-') switch
        {
            "email" => descending ? people.OrderByDescending(u => u.NormalizedEmail) : people.OrderBy(u => u.NormalizedEmail),
            "staff" => descending ? people.OrderByDescending(u => u.StaffNumber) : people.OrderBy(u => u.StaffNumber),
            "created" => descending ? people.OrderByDescending(u => u.CreatedAt) : people.OrderBy(u => u.CreatedAt),
            _ => descending ? people.OrderByDescending(u => u.NormalizedDisplayName) : people.OrderBy(u => u.NormalizedDisplayName),
        };
        var found = await ordered.ThenBy(u => u.NormalizedEmail).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        var ids = found.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = time.GetUtcNow();
        var items = found.Select(u => Summarize(u, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(), now)).ToList();
        return new PagedResult<UserSummary>(items, total, page, pageSize);
    }

    public async Task<UserSummary?> FindAsync(string id) =>
        await users.FindByIdAsync(id) is { } user ? await SummarizeAsync(user) : null;

    // The rules a person's email and name follow, on creating and on correcting them.
    private static string? CheckIdentity(string? email, string? displayName, Dictionary<string, CodedProblem[]> errors)
    {
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
        {
            errors["email"] = [ProblemCode.EmailInvalid];
        }

        var (name, nameProblem) = DisplayNames.Check(displayName);
        if (nameProblem is not null)
        {
            errors["displayName"] = [nameProblem];
        }

        return name;
    }

    private static string? StaffNumberOf(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : typed.Trim();

    public async Task<UserChangeResult> CreateAsync(CreateUserRequest request)
    {
        var errors = new Dictionary<string, CodedProblem[]>();
        var name = CheckIdentity(request.Email, request.DisplayName, errors);

        var roles = request.Roles ?? [PassRoles.User];
        if (roles.Except(PassRoles.All).Any())
        {
            errors["roles"] = [ProblemTexts.RolesUnknown()];
        }

        var phone = string.IsNullOrWhiteSpace(request.PhoneNumber) ? null : phones.Normalize(request.PhoneNumber);
        if (!string.IsNullOrWhiteSpace(request.PhoneNumber) && phone is null)
        {
            errors["phoneNumber"] = [ProblemCode.PhoneInvalid];
        }
        else if (phone is not null && await db.Users.AnyAsync(u => u.PhoneNumber == phone))
        {
            errors["phoneNumber"] = [ProblemCode.PhoneTaken];
        }

        if (errors.Count > 0)
        {
            return new UserChangeResult(UserChange.Invalid, Errors: errors);
        }

        var generated = string.IsNullOrEmpty(request.Password);
        var password = generated ? Secrets.NewPassword() : request.Password!;
        var user = new ApplicationUser
        {
            UserName = request.Email!.Trim(),
            Email = request.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = name!,
            StaffNumber = StaffNumberOf(request.StaffNumber),
            PhoneNumber = phone,
            CreatedAt = time.GetUtcNow(),
            MustChangePassword = generated,
        };
        if (user.StaffNumber is not null && await db.Users.AnyAsync(u => u.StaffNumber == user.StaffNumber))
        {
            return Invalid("staffNumber", ProblemCode.StaffNumberTaken);
        }

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new UserChangeResult(UserChange.Invalid, Errors: IdentityErrors(created, user.Email));
        }

        await users.AddToRolesAsync(user, roles.Union([PassRoles.User]).Distinct());
        await audit.RecordAsync(AuditEventType.UserCreated, user.Id, detail: AuditDetail.Of(AuditDetailCode.CreatedWithRoles, string.Join(",", roles)));
        return new UserChangeResult(UserChange.Done, await SummarizeAsync(user), Secret: generated ? password : null);
    }

    /// <summary>Locks a person out for good and revokes their tokens; never the acting administrator, never the last working one.</summary>
    public async Task<UserChangeResult> LockAsync(string id, string? actorId)
    {
        if (id == actorId)
        {
            return new UserChangeResult(UserChange.OwnAccount);
        }

        return await ChangeAsync(id, async user =>
        {
            await users.SetLockoutEnabledAsync(user, true);
            if (!(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded)
            {
                return Refusal.LastAdministrator;
            }

            await users.UpdateSecurityStampAsync(user);
            await tokens.RevokeBySubjectAsync(user.Id);
            await audit.RecordAsync(AuditEventType.UserLocked, user.Id);
            await logouts.NotifyAsync(user.Id, LogoutReason.Locked);
            return null;
        });
    }

    public Task<UserChangeResult> UnlockAsync(string id) => ChangeAsync(id, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditEventType.UserUnlocked, user.Id);
        return null;
    });

    public async Task<UserChangeResult> SetRolesAsync(string id, IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Except(PassRoles.All).Any())
        {
            return Invalid("roles", ProblemTexts.RolesUnknown());
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return new UserChangeResult(UserChange.NotFound);
        }

        var current = await users.GetRolesAsync(user);
        var wanted = roles.Union([PassRoles.User]).ToList();
        if (current.Except(wanted).ToList() is { Count: > 0 } removed && !(await users.RemoveFromRolesAsync(user, removed)).Succeeded)
        {
            return new UserChangeResult(UserChange.LastAdministrator);
        }

        await users.AddToRolesAsync(user, wanted.Except(current));
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditEventType.UserRolesChanged, user.Id, detail: AuditDetail.Of(AuditDetailCode.Roles, string.Join(",", wanted)));
        return new UserChangeResult(UserChange.Done, await SummarizeAsync(user));
    }

    /// <summary>Sets a temporary password, shown once, and revokes everything the person holds.</summary>
    public async Task<UserChangeResult> ResetPasswordAsync(string id)
    {
        string? password = null;
        var result = await ChangeAsync(id, async user =>
        {
            password = Secrets.NewPassword();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", reset.Errors.Select(e => e.Description)));
            }

            user.MustChangePassword = true;
            await users.UpdateAsync(user);

            await tokens.RevokeBySubjectAsync(user.Id);
            await audit.RecordAsync(AuditEventType.UserPasswordReset, user.Id);
            await logouts.NotifyAsync(user.Id, LogoutReason.PasswordReset);
            return null;
        });
        return result with { Secret = password };
    }

    /// <summary>
    /// An administrator corrects a person's email (also their sign-in name), name or staff number, under the rules a new
    /// person follows. A new email changes the security stamp, so the person's sessions end within a minute.
    /// </summary>
    public async Task<UserChangeResult> UpdateAsync(string id, UpdateUserRequest request)
    {
        var errors = new Dictionary<string, CodedProblem[]>();
        var name = CheckIdentity(request.Email, request.DisplayName, errors);
        var staff = StaffNumberOf(request.StaffNumber);
        if (staff is not null && await db.Users.AnyAsync(u => u.StaffNumber == staff && u.Id != id))
        {
            errors["staffNumber"] = [ProblemCode.StaffNumberTaken];
        }

        if (errors.Count > 0)
        {
            return new UserChangeResult(UserChange.Invalid, Errors: errors);
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return new UserChangeResult(UserChange.NotFound);
        }

        var email = request.Email!.Trim();
        var changed = new List<string>();
        if (!string.Equals(user.Email, email, StringComparison.Ordinal))
        {
            // Identity checks the new address is free (as a user name and as an email) and refuses otherwise.
            var renamed = await users.SetUserNameAsync(user, email);
            var readdressed = renamed.Succeeded ? await users.SetEmailAsync(user, email) : renamed;
            if (!readdressed.Succeeded)
            {
                return new UserChangeResult(UserChange.Invalid, Errors: IdentityErrors(readdressed, email));
            }

            user.EmailConfirmed = true;
            changed.Add("email");
        }

        if (user.DisplayName != name)
        {
            user.DisplayName = name!;
            changed.Add("displayName");
        }

        if (user.StaffNumber != staff)
        {
            user.StaffNumber = staff;
            changed.Add("staffNumber");
        }

        if (changed.Count == 0)
        {
            return new UserChangeResult(UserChange.Done, await SummarizeAsync(user));
        }

        await users.UpdateAsync(user);
        await audit.RecordAsync(AuditEventType.UserUpdated, user.Id, detail: AuditDetail.Of(AuditDetailCode.ProfileChanged, string.Join(",", changed)));
        return new UserChangeResult(UserChange.Done, await SummarizeAsync(user));
    }

    /// <summary>An administrator sets (or removes) a person's phone, in E.164; it counts as verified.</summary>
    public async Task<UserChangeResult> SetPhoneAsync(string id, string? input)
    {
        var phone = string.IsNullOrWhiteSpace(input) ? null : phones.Normalize(input);
        if (!string.IsNullOrWhiteSpace(input) && phone is null)
        {
            return Invalid("phoneNumber", ProblemCode.PhoneInvalid);
        }

        if (phone is not null && await db.Users.AnyAsync(u => u.PhoneNumber == phone && u.Id != id))
        {
            return Invalid("phoneNumber", ProblemCode.PhoneTaken);
        }

        return await ChangeAsync(id, async user =>
        {
            user.PhoneNumber = phone;
            user.PhoneNumberConfirmed = phone is not null;
            await users.UpdateAsync(user);
            await audit.RecordAsync(AuditEventType.PhoneVerified, user.Id, detail: phone is null
                ? AuditDetail.Of(AuditDetailCode.PhoneRemovedByAdministrator)
                : AuditDetail.Of(AuditDetailCode.PhoneSetByAdministrator, PhoneMask.Mask(phone)));
            return null;
        });
    }

    /// <summary>Deletes a person (their tokens die with them); never the acting administrator, never the last working one.</summary>
    public async Task<UserChangeResult> DeleteAsync(string id, string? actorId)
    {
        if (id == actorId)
        {
            return new UserChangeResult(UserChange.OwnAccount);
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return new UserChangeResult(UserChange.NotFound);
        }

        if (!(await users.DeleteAsync(user)).Succeeded)
        {
            return new UserChangeResult(UserChange.LastAdministrator);
        }

        await audit.RecordAsync(AuditEventType.UserDeleted, user.Id);
        await logouts.NotifyAsync(user.Id, LogoutReason.Deleted);
        return new UserChangeResult(UserChange.Done);
    }

    private enum Refusal
    {
        LastAdministrator,
    }

    private async Task<UserChangeResult> ChangeAsync(string id, Func<ApplicationUser, Task<Refusal?>> change)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return new UserChangeResult(UserChange.NotFound);
        }

        return await change(user) is Refusal.LastAdministrator
            ? new UserChangeResult(UserChange.LastAdministrator)
            : new UserChangeResult(UserChange.Done, await SummarizeAsync(user));
    }

    private static UserChangeResult Invalid(string field, CodedProblem problem) =>
        new(UserChange.Invalid, Errors: new Dictionary<string, CodedProblem[]> { [field] = [problem] });

    private async Task<UserSummary> SummarizeAsync(ApplicationUser user) =>
        Summarize(user, [.. (await users.GetRolesAsync(user)).Order()], time.GetUtcNow());

    private static UserSummary Summarize(ApplicationUser user, IReadOnlyList<string> roles, DateTimeOffset now) =>
        new(user.Id, user.Email ?? "", user.DisplayName, user.StaffNumber, user.PhoneNumber, roles,
            user.LockoutEnd is { } end && end > now, user.CreatedAt);

    /// <summary>Identity's refusals as field codes; one the portal has no code for keeps Identity's text as its value.</summary>
    private Dictionary<string, CodedProblem[]> IdentityErrors(IdentityResult result, string email) =>
        result.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "user")
            .ToDictionary(g => g.Key, g => g.Select(e => PassIdentityErrors.ToProblem(e, email, users.Options.Password)).ToArray());
}
