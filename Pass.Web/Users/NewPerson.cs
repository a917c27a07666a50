using Pass.Shared.Oauth;
using Pass.Shared.Users;

namespace Pass.Web.Users;

/// <summary>
/// A person to create (<see cref="UserDirectory.CreateAsync"/>), whichever way they come: an administrator adds them,
/// they sign up with an SMS code, or Pass starts without an administrator. Without a <see cref="Password"/> one is
/// generated, returned once and changed at the first sign-in; a person who signs up by SMS has none at all.
/// </summary>
public sealed record NewPerson(string? Email, string? DisplayName, IReadOnlyList<string> Roles)
{
    public string? Password { get; init; }

    /// <summary>As typed; stored in E.164.</summary>
    public string? Phone { get; init; }

    public string? StaffNumber { get; init; }

    /// <summary>Signs in with SMS codes only: the phone is proved by the code just redeemed, and there is no password.</summary>
    public bool SignsInBySms { get; init; }

    public static NewPerson From(CreateUserRequest request) =>
        new(request.Email, request.DisplayName, request.Roles ?? [PassRoles.User])
        {
            Password = request.Password,
            Phone = request.PhoneNumber,
            StaffNumber = request.StaffNumber,
        };

    /// <summary>Someone who signed up with a code sent to <paramref name="phone"/>; email is the sign-in name elsewhere, so theirs is in the reserved .invalid domain.</summary>
    public static NewPerson SignedUpBySms(string phone) =>
        new($"{phone.TrimStart('+')}@phone.invalid", phone, [PassRoles.User]) { Phone = phone, SignsInBySms = true };

    /// <summary>The administrator Pass creates when it has none (<c>Pass:Bootstrap</c>).</summary>
    public static NewPerson FirstAdministrator(string email, string? password) =>
        new(email, "Administrator", [PassRoles.Admin, PassRoles.User]) { Password = password };
}
