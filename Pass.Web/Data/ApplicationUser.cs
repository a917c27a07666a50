using Microsoft.AspNetCore.Identity;
using Pass.Shared.Users;

namespace Pass.Web.Data;

/// <summary>A person with a Pass account.</summary>
public class ApplicationUser : IdentityUser
{
    private string _displayName = "";

    /// <summary>Setting it sets <see cref="NormalizedDisplayName"/> too, so no write path can leave the search column behind.</summary>
    public string DisplayName
    {
        get => _displayName;
        set
        {
            _displayName = value;
            NormalizedDisplayName = DisplayNames.Normalize(value);
        }
    }

    /// <summary>The display name as searched and sorted (<see cref="DisplayNames.Normalize"/>), like Identity's NormalizedEmail.</summary>
    public string NormalizedDisplayName { get; private set; } = "";

    /// <summary>Staff or student number, unique when set; the helpdesk searches by it.</summary>
    public string? StaffNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The password was made by Pass for an administrator to hand over (a new person, a reset): the portal asks the
    /// person to choose their own before anything else; changing it clears this.
    /// </summary>
    public bool MustChangePassword { get; set; }
}
