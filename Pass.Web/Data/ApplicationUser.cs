using Microsoft.AspNetCore.Identity;

namespace Pass.Web.Data;

/// <summary>A person with a Pass account.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Staff or student number, unique when set; the helpdesk searches by it.</summary>
    public string? StaffNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
