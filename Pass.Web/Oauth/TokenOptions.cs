using System.ComponentModel.DataAnnotations;
using Pass.Web.Infrastructure;

namespace Pass.Web.Oauth;

/// <summary>Section <c>Pass:Tokens</c>.</summary>
public sealed class TokenOptions
{
    public const string Section = "Pass:Tokens";

    /// <summary>Default 1 hour.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Default 14 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a client that retries a refresh (it lost the answer) gets the same new pair again. Default 10 seconds;
    /// at most a minute; 0 turns the grace off. Any later use of a rotated refresh token revokes the whole family.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:01:00")]
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often expired and revoked tokens are removed. Default 1 hour.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a dead token stays listed before it is pruned. Default 1 day.</summary>
    public TimeSpan PruneAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Live tokens check_token keeps in memory. Default 500,000.</summary>
    [Range(0, 50_000_000)]
    public int CheckCacheCapacity { get; set; } = 500_000;

    /// <summary>
    /// Dead tokens check_token remembers (unknown, revoked or expired ones that carried a valid tag), so asking again
    /// costs no query. The oldest half is forgotten when it is full. Default 200,000 (about 20 MB at most).
    /// </summary>
    [Range(0, 50_000_000)]
    public int DeadTokenMemory { get; set; } = 200_000;

    /// <summary>
    /// Access tokens of the versions before tagged tokens (<see cref="TokenTag"/>) are read from the database until this
    /// instant. Unset (the default): a token without a valid tag is refused unread. When upgrading an installation whose
    /// people hold live tokens, set it to the upgrade time plus <see cref="AccessTokenLifetime"/>.
    /// </summary>
    public DateTimeOffset? LegacyTokensUntil { get; set; }
}
