namespace Pass.Web.Logout;

/// <summary>Why Pass tells the sites a person signed in to that the sign-in is over.</summary>
public enum LogoutReason
{
    SignedOut,
    Locked,
    PasswordReset,
    SiteWithdrawn,
    Deleted,
}
