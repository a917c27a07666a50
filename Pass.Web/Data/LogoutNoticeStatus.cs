namespace Pass.Web.Data;

/// <summary>Where a logout notice stands: waiting, taken by the site, or given up on.</summary>
public enum LogoutNoticeStatus
{
    Pending,
    Delivered,
    GivenUp,
}
