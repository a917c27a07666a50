namespace Pass.Shared.Oauth;

/// <summary>RFC 6749 §5.2, RFC 6750 §3.1 and RFC 7009 error codes: the only error strings the OAuth endpoints send.</summary>
public static class OAuthErrors
{
    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string InvalidGrant = "invalid_grant";
    public const string UnauthorizedClient = "unauthorized_client";
    public const string UnsupportedGrantType = "unsupported_grant_type";
    public const string InvalidScope = "invalid_scope";
    public const string InvalidToken = "invalid_token";
    public const string InsufficientScope = "insufficient_scope";
    public const string AccessDenied = "access_denied";

    /// <summary>RFC 8628 §3.5: the device code is not decided yet / nobody decided in time.</summary>
    public const string AuthorizationPending = "authorization_pending";
    public const string ExpiredToken = "expired_token";
    public const string NotFound = "not_found";
    public const string Conflict = "session_conflict";
    public const string TooManyRequests = "slow_down";
    public const string ServerError = "server_error";
    public const string TemporarilyUnavailable = "temporarily_unavailable";
}
