using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Pass.Shared.Problems;
using Microsoft.Extensions.Localization;
using Pass.Web.Client.Resources;

namespace Pass.Web.Users;

/// <summary>
/// Identity's refusals that a person reads on the account pages, in the viewer's language. The API has no
/// request culture, so its callers get the English texts.
/// </summary>
public sealed class PassIdentityErrors(IStringLocalizer<PortalText> text) : IdentityErrorDescriber
{
    public override IdentityError PasswordMismatch() => Error(base.PasswordMismatch(), "Identity_PasswordMismatch");

    public override IdentityError PasswordTooShort(int length) => Error(base.PasswordTooShort(length), "Identity_PasswordTooShort", length);

    public override IdentityError PasswordRequiresDigit() => Error(base.PasswordRequiresDigit(), "Identity_PasswordRequiresDigit");

    public override IdentityError PasswordRequiresLower() => Error(base.PasswordRequiresLower(), "Identity_PasswordRequiresLower");

    public override IdentityError PasswordRequiresUpper() => Error(base.PasswordRequiresUpper(), "Identity_PasswordRequiresUpper");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(base.PasswordRequiresNonAlphanumeric(), "Identity_PasswordRequiresNonAlphanumeric");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(base.PasswordRequiresUniqueChars(uniqueChars), "Identity_PasswordRequiresUniqueChars", uniqueChars);

    public override IdentityError DuplicateEmail(string email) => Error(base.DuplicateEmail(email), "Identity_DuplicateEmail", email);

    public override IdentityError InvalidEmail(string? email) => Error(base.InvalidEmail(email), "Identity_InvalidEmail", email ?? "");

    public override IdentityError InvalidToken() => Error(base.InvalidToken(), "Identity_InvalidToken");

    /// <summary>An Identity refusal as the portal API's code (the body keeps Identity's English text beside it).</summary>
    public static CodedProblem ToProblem(IdentityError error, string? email, PasswordOptions password) => error.Code switch
    {
        nameof(DuplicateEmail) or nameof(DuplicateUserName) => new CodedProblem(ProblemCode.EmailTaken, [email ?? ""]),
        nameof(InvalidEmail) => ProblemCode.EmailInvalid,
        nameof(InvalidUserName) => new CodedProblem(ProblemCode.UserNameInvalid, [email ?? ""]),
        nameof(PasswordTooShort) => new CodedProblem(ProblemCode.PasswordTooShort, [password.RequiredLength.ToString(CultureInfo.InvariantCulture)]),
        nameof(PasswordRequiresDigit) => ProblemCode.PasswordRequiresDigit,
        nameof(PasswordRequiresLower) => ProblemCode.PasswordRequiresLower,
        nameof(PasswordRequiresUpper) => ProblemCode.PasswordRequiresUpper,
        nameof(PasswordRequiresNonAlphanumeric) => ProblemCode.PasswordRequiresNonAlphanumeric,
        nameof(PasswordRequiresUniqueChars) => new CodedProblem(ProblemCode.PasswordRequiresUniqueChars, [password.RequiredUniqueChars.ToString(CultureInfo.InvariantCulture)]),
        _ when error.Code == PassUserManager.LastAdministratorCode => ProblemCode.LastAdministrator,
        _ => new CodedProblem(ProblemCode.Other, [error.Description]),
    };

    private IdentityError Error(IdentityError english, string key, params object[] arguments)
    {
        var localized = text[key, arguments];
        return new IdentityError { Code = english.Code, Description = localized.ResourceNotFound ? english.Description : localized.Value };
    }
}
