using System.Security.Claims;
using OpenIddict.Abstractions;
using Pass.Web.Clients;
using Pass.Web.Data;

namespace Pass.Web.Oauth;

/// <summary>What a grant decided: a principal to issue tokens for, or an RFC 6749 §5.2 error.</summary>
public sealed record GrantOutcome(ClaimsPrincipal? Principal, string? Error, string? Description, string? SubjectUserId, string? Detail)
{
    public static GrantOutcome Issue(ClaimsPrincipal principal, string? subjectUserId, string? detail = null) =>
        new(principal, null, null, subjectUserId, detail);

    public static GrantOutcome Reject(string error, string description, string? subjectUserId = null) =>
        new(null, error, description, subjectUserId, description);
}

/// <summary>
/// One grant type of the token endpoint; the endpoint picks the one whose <see cref="GrantType"/> the request names
/// and hands it the calling client's profile, already read.
/// </summary>
public interface ITokenGrant
{
    string GrantType { get; }

    /// <summary>A grant that checks a password: its attempt is written in one commit (<see cref="Users.SignInCommit"/>).</summary>
    bool ChecksPassword => false;

    Task<GrantOutcome> ExchangeAsync(OpenIddictRequest request, ClientProfile client, HttpContext context, CancellationToken ct);
}
