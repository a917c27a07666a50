namespace Pass.Web.Logout;

public enum LogoutNoticeStatus
{
    Pending,
    Delivered,
    GivenUp,
}
