using System.Security.Claims;

namespace Pass.Web.Oauth;

/// <summary>What a grant decided: a principal to issue tokens for, or an RFC 6749 §5.2 error.</summary>
public sealed record GrantOutcome(ClaimsPrincipal? Principal, string? Error, string? Description, string? SubjectUserId, string? Detail)
{
    public static GrantOutcome Issue(ClaimsPrincipal principal, string? subjectUserId, string? detail = null) =>
        new(principal, null, null, subjectUserId, detail);

    public static GrantOutcome Reject(string error, string description, string? subjectUserId = null) =>
        new(null, error, description, subjectUserId, description);
}
