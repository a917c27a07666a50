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
using Pass.Web.Infrastructure;

namespace Pass.Web.Users;

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

    /// <summary>
    /// Creates a person under the rules every new person follows (a valid email and name, known roles, a phone and a
    /// staff number nobody else has, Identity's password rules), always with the User role, and records it.
    /// </summary>
    public async Task<Outcome<CreateUserResponse>> CreateAsync(NewPerson person, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, CodedProblem[]>();
        var name = CheckIdentity(person.Email, person.DisplayName, errors);

        if (person.Roles.Except(PassRoles.All).Any())
        {
            errors["roles"] = [ProblemTexts.RolesUnknown()];
        }

        var phone = string.IsNullOrWhiteSpace(person.Phone) ? null : phones.Normalize(person.Phone);
        if (!string.IsNullOrWhiteSpace(person.Phone) && phone is null)
        {
            errors["phoneNumber"] = [ProblemCode.PhoneInvalid];
        }
        else if (phone is not null && await db.Users.AnyAsync(u => u.PhoneNumber == phone, ct))
        {
            errors["phoneNumber"] = [ProblemCode.PhoneTaken];
        }

        if (errors.Count > 0)
        {
            return Outcome<CreateUserResponse>.Invalid(errors);
        }

        var generated = !person.SignsInBySms && string.IsNullOrEmpty(person.Password);
        var password = generated ? Secrets.NewPassword() : person.Password;
        var user = new ApplicationUser
        {
            UserName = person.Email!.Trim(),
            Email = person.Email.Trim(),
            EmailConfirmed = !person.SignsInBySms,
            DisplayName = name!,
            StaffNumber = StaffNumberOf(person.StaffNumber),
            PhoneNumber = phone,
            PhoneNumberConfirmed = person.SignsInBySms,
            CreatedAt = time.GetUtcNow(),
            MustChangePassword = generated,
        };
        if (user.StaffNumber is not null && await db.Users.AnyAsync(u => u.StaffNumber == user.StaffNumber, ct))
        {
            return Outcome<CreateUserResponse>.Invalid("staffNumber", ProblemCode.StaffNumberTaken);
        }

        var created = person.SignsInBySms ? await users.CreateAsync(user) : await users.CreateAsync(user, password!);
        if (!created.Succeeded)
        {
            return Outcome<CreateUserResponse>.Invalid(IdentityErrors(created, user.Email));
        }

        await users.AddToRolesAsync(user, person.Roles.Union([PassRoles.User]).Distinct());
        await audit.RecordAsync(AuditEventType.UserCreated, user.Id, detail: person.SignsInBySms
            ? AuditDetail.Of(AuditDetailCode.SignedUpBySms)
            : AuditDetail.Of(AuditDetailCode.CreatedWithRoles, string.Join(",", person.Roles)), ct: ct);
        return Outcome<CreateUserResponse>.Ok(new CreateUserResponse(await SummarizeAsync(user), generated ? password : null));
    }

    /// <summary>Locks a person out for good and revokes their tokens; never the acting administrator, never the last working one.</summary>
    public async Task<Outcome<UserSummary>> LockAsync(string id, string? actorId)
    {
        if (id == actorId)
        {
            return Outcome<UserSummary>.Refused(ProblemCode.OwnAccount);
        }

        return await ChangeAsync(id, async user =>
        {
            await users.SetLockoutEnabledAsync(user, true);
            if (!(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded)
            {
                return ProblemCode.LastAdministrator;
            }

            await users.UpdateSecurityStampAsync(user);
            await tokens.RevokeBySubjectAsync(user.Id);
            await audit.RecordAsync(AuditEventType.UserLocked, user.Id);
            await logouts.NotifyAsync(user.Id, LogoutReason.Locked);
            return null;
        });
    }

    public Task<Outcome<UserSummary>> UnlockAsync(string id) => ChangeAsync(id, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(AuditEventType.UserUnlocked, user.Id);
        return null;
    });

    public async Task<Outcome<UserSummary>> SetRolesAsync(string id, IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Except(PassRoles.All).Any())
        {
            return Outcome<UserSummary>.Invalid("roles", ProblemTexts.RolesUnknown());
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return Outcome<UserSummary>.NotFound();
        }

        var current = await users.GetRolesAsync(user);
        var wanted = roles.Union([PassRoles.User]).ToList();
        if (current.Except(wanted).ToList() is { Count: > 0 } removed && !(await users.RemoveFromRolesAsync(user, removed)).Succeeded)
        {
            return Outcome<UserSummary>.Refused(ProblemCode.LastAdministrator);
        }

        await users.AddToRolesAsync(user, wanted.Except(current));
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(AuditEventType.UserRolesChanged, user.Id, detail: AuditDetail.Of(AuditDetailCode.Roles, string.Join(",", wanted)));
        return Outcome<UserSummary>.Ok(await SummarizeAsync(user));
    }

    /// <summary>Sets a temporary password, shown once, and revokes everything the person holds.</summary>
    public async Task<Outcome<PasswordResetResponse>> ResetPasswordAsync(string id)
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
        return result.Select(_ => new PasswordResetResponse(password!));
    }

    /// <summary>
    /// An administrator corrects a person's email (also their sign-in name), name or staff number, under the rules a new
    /// person follows. A new email changes the security stamp, so the person's sessions end within a minute.
    /// </summary>
    public async Task<Outcome<UserSummary>> UpdateAsync(string id, UpdateUserRequest request)
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
            return Outcome<UserSummary>.Invalid(errors);
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return Outcome<UserSummary>.NotFound();
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
                return Outcome<UserSummary>.Invalid(IdentityErrors(readdressed, email));
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
            return Outcome<UserSummary>.Ok(await SummarizeAsync(user));
        }

        await users.UpdateAsync(user);
        await audit.RecordAsync(AuditEventType.UserUpdated, user.Id, detail: AuditDetail.Of(AuditDetailCode.ProfileChanged, string.Join(",", changed)));
        return Outcome<UserSummary>.Ok(await SummarizeAsync(user));
    }

    /// <summary>An administrator sets (or removes) a person's phone, in E.164; it counts as verified.</summary>
    public async Task<Outcome<UserSummary>> SetPhoneAsync(string id, string? input)
    {
        var phone = string.IsNullOrWhiteSpace(input) ? null : phones.Normalize(input);
        if (!string.IsNullOrWhiteSpace(input) && phone is null)
        {
            return Outcome<UserSummary>.Invalid("phoneNumber", ProblemCode.PhoneInvalid);
        }

        if (phone is not null && await db.Users.AnyAsync(u => u.PhoneNumber == phone && u.Id != id))
        {
            return Outcome<UserSummary>.Invalid("phoneNumber", ProblemCode.PhoneTaken);
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
    public async Task<Outcome<bool>> DeleteAsync(string id, string? actorId)
    {
        if (id == actorId)
        {
            return Outcome<bool>.Refused(ProblemCode.OwnAccount);
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return Outcome<bool>.NotFound();
        }

        if (!(await users.DeleteAsync(user)).Succeeded)
        {
            return Outcome<bool>.Refused(ProblemCode.LastAdministrator);
        }

        await audit.RecordAsync(AuditEventType.UserDeleted, user.Id);
        await logouts.NotifyAsync(user.Id, LogoutReason.Deleted);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Changes a person who exists; <paramref name="change"/> answers why it refused, or null.</summary>
    private async Task<Outcome<UserSummary>> ChangeAsync(string id, Func<ApplicationUser, Task<ProblemCode?>> change)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return Outcome<UserSummary>.NotFound();
        }

        return await change(user) is { } refused
            ? Outcome<UserSummary>.Refused(refused)
            : Outcome<UserSummary>.Ok(await SummarizeAsync(user));
    }

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
