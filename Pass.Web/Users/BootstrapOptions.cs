namespace Pass.Web.Users;

/// <summary>Section <c>Pass:Bootstrap</c>: the first administrator, created once when no administrator exists.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Pass:Bootstrap";

    public string AdminEmail { get; set; } = "admin@pass.local";

    /// <summary>When empty, a password is generated and printed once.</summary>
    public string? AdminPassword { get; set; }
}
