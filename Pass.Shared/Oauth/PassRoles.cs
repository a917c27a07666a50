namespace Pass.Shared.Oauth;

public static class PassRoles
{
    public const string Admin = "Admin";
    public const string Helpdesk = "Helpdesk";
    public const string User = "User";

    public static readonly IReadOnlyList<string> All = [Admin, Helpdesk, User];
}
