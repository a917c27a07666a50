using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Pass.Shared;
using Pass.Shared.Audit;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Oauth;

namespace Pass.Web.Users;

public enum UserChange
{
    Done,
    NotFound,
    Invalid,
    LastAdministrator,
}

public sealed record UserChangeResult(UserChange Outcome, UserSummary? User = null, IReadOnlyDictionary<string, string[]>? Errors = null, string? Secret = null);

/// <summary>People: search, create, lock, roles, password reset, delete. Locking, resetting or deleting revokes every token at once.</summary>
public sealed class UserDirectory(
    PassDbContext db,
    UserManager<ApplicationUser> users,
    IOpenIddictTokenManager tokens,
    Sms.PhoneNormalizer phones,
    TimeProvider time,
    AuditLog audit)
{
    /// <summary>People matching <paramref name="query"/>; <paramref name="sort"/> is name, email, staff or created, "-" first for descending.</summary>
    public async Task<PagedResult<UserSummary>> SearchAsync(string? query, int page, int pageSize, CancellationToken ct = default, string? sort = null)
    {
        var people = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = query.Trim();
            people = people.Where(u => u.Email!.Contains(q) || u.DisplayName.Contains(q)
                || (u.StaffNumber != null && u.StaffNumber.Contains(q)) || (u.PhoneNumber != null && u.PhoneNumber.Contains(q)));
        }

        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(page, 0);
        var total = await people.CountAsync(ct);
        var descending = sort?.StartsWith('-') == true;
        IOrderedQueryable<ApplicationUser> ordered = sort?.TrimStart('-') switch
        {
            "email" => descending ? people.OrderByDescending(u => u.Email) : people.OrderBy(u => u.Email),
            "staff" => descending ? people.OrderByDescending(u => u.StaffNumber) : people.OrderBy(u => u.StaffNumber),
            "created" => descending ? people.OrderByDescending(u => u.CreatedAt) : people.OrderBy(u => u.CreatedAt),
            _ => descending ? people.OrderByDescending(u => u.DisplayName) : people.OrderBy(u => u.DisplayName),
        };
        var found = await ordered.ThenBy(u => u.Email).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
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

    public async Task<UserChangeResult> CreateAsync(CreateUserRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@'))
        {
            errors["email"] = ["A valid email address is required."];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            errors["displayName"] = ["A display name is required."];
        }

        var roles = request.Roles ?? [PassRoles.User];
        if (roles.Except(PassRoles.All).Any())
        {
            errors["roles"] = [$"Roles are {string.Join(", ", PassRoles.All)}."];
        }

        var phone = string.IsNullOrWhiteSpace(request.PhoneNumber) ? null : phones.Normalize(request.PhoneNumber);
        if (!string.IsNullOrWhiteSpace(request.PhoneNumber) && phone is null)
        {
            errors["phoneNumber"] = [PhoneInvalid];
        }
        else if (phone is not null && await db.Users.AnyAsync(u => u.PhoneNumber == phone))
        {
            errors["phoneNumber"] = [PhoneTaken];
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
            DisplayName = request.DisplayName!.Trim(),
            StaffNumber = string.IsNullOrWhiteSpace(request.StaffNumber) ? null : request.StaffNumber.Trim(),
            PhoneNumber = phone,
            CreatedAt = time.GetUtcNow(),
        };
        if (user.StaffNumber is not null && await db.Users.AnyAsync(u => u.StaffNumber == user.StaffNumber))
        {
            return new UserChangeResult(UserChange.Invalid, Errors: new Dictionary<string, string[]> { ["staffNumber"] = ["This staff number belongs to someone else."] });
        }

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new UserChangeResult(UserChange.Invalid, Errors: IdentityErrors(created));
        }

        await users.AddToRolesAsync(user, roles.Union([PassRoles.User]).Distinct());
        await audit.RecordAsync(AuditEventType.UserCreated, user.Id, detail: $"roles {string.Join(",", roles)}");
        return new UserChangeResult(UserChange.Done, await SummarizeAsync(user), Secret: generated ? password : null);
    }

    public Task<UserChangeResult> LockAsync(string id) => ChangeAsync(id, async user =>
    {
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await tokens.RevokeBySubjectAsync(user.Id);
        await audit.RecordAsync(AuditEventType.UserLocked, user.Id);
        return null;
    });

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
            return new UserChangeResult(UserChange.Invalid, Errors: new Dictionary<string, string[]> { ["roles"] = [$"Roles are {string.Join(", ", PassRoles.All)}."] });
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return new UserChangeResult(UserChange.NotFound);
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(PassRoles.Admin) && !roles.Contains(PassRoles.Admin) && await IsLastAdministratorAsync(user))
        {
            return new UserChangeResult(UserChange.LastAdministrator);
        }

        var wanted = roles.Union([PassRoles.User]).ToList();
        await users.RemoveFromRolesAsync(user, current.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(current));
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditEventType.UserRolesChanged, user.Id, detail: string.Join(",", wanted));
        return new UserChangeResult(UserChange.Done, await SummarizeAsync(user));
    }

    /// <summary>Sets a temporary password, shown once, and revokes everything the person holds.</summary>
    public Task<UserChangeResult> ResetPasswordAsync(string id) => ChangeAsync(id, async user =>
    {
        var password = Secrets.NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", reset.Errors.Select(e => e.Description)));
        }

        await tokens.RevokeBySubjectAsync(user.Id);
        await audit.RecordAsync(AuditEventType.UserPasswordReset, user.Id);
        return password;
    });

    private const string PhoneInvalid = "Not a valid phone number (a number without a country code is read in Pass:Sms:DefaultRegion).";
    private const string PhoneTaken = "This phone belongs to someone else.";

    /// <summary>An administrator sets (or removes) a person's phone, in E.164; it counts as verified.</summary>
    public async Task<UserChangeResult> SetPhoneAsync(string id, string? input)
    {
        var phone = string.IsNullOrWhiteSpace(input) ? null : phones.Normalize(input);
        if (!string.IsNullOrWhiteSpace(input) && phone is null)
        {
            return new UserChangeResult(UserChange.Invalid, Errors: new Dictionary<string, string[]> { ["phoneNumber"] = [PhoneInvalid] });
        }

        if (phone is not null && await db.Users.AnyAsync(u => u.PhoneNumber == phone && u.Id != id))
        {
            return new UserChangeResult(UserChange.Invalid, Errors: new Dictionary<string, string[]> { ["phoneNumber"] = [PhoneTaken] });
        }

        return await ChangeAsync(id, async user =>
        {
            user.PhoneNumber = phone;
            user.PhoneNumberConfirmed = phone is not null;
            await users.UpdateAsync(user);
            await audit.RecordAsync(AuditEventType.PhoneVerified, user.Id, detail: phone is null ? "removed by an administrator" : $"{Sms.SmsCodes.Mask(phone)} set by an administrator");
            return null;
        });
    }

    public async Task<UserChangeResult> DeleteAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return new UserChangeResult(UserChange.NotFound);
        }

        if (await users.IsInRoleAsync(user, PassRoles.Admin) && await IsLastAdministratorAsync(user))
        {
            return new UserChangeResult(UserChange.LastAdministrator);
        }

        await users.DeleteAsync(user);
        await audit.RecordAsync(AuditEventType.UserDeleted, user.Id);
        return new UserChangeResult(UserChange.Done);
    }

    private async Task<UserChangeResult> ChangeAsync(string id, Func<ApplicationUser, Task<string?>> change)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return new UserChangeResult(UserChange.NotFound);
        }

        var secret = await change(user);
        return new UserChangeResult(UserChange.Done, await SummarizeAsync(user), Secret: secret);
    }

    private async Task<bool> IsLastAdministratorAsync(ApplicationUser user) =>
        (await users.GetUsersInRoleAsync(PassRoles.Admin)).All(u => u.Id == user.Id);

    private async Task<UserSummary> SummarizeAsync(ApplicationUser user) =>
        Summarize(user, [.. (await users.GetRolesAsync(user)).Order()], time.GetUtcNow());

    private static UserSummary Summarize(ApplicationUser user, IReadOnlyList<string> roles, DateTimeOffset now) =>
        new(user.Id, user.Email ?? "", user.DisplayName, user.StaffNumber, user.PhoneNumber, roles,
            user.LockoutEnd is { } end && end > now, user.CreatedAt);

    private static Dictionary<string, string[]> IdentityErrors(IdentityResult result) =>
        result.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : e.Code.Contains("Email", StringComparison.Ordinal) || e.Code.Contains("UserName", StringComparison.Ordinal) ? "email" : "user")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
}
