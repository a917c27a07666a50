using System.Text.Json;
using Pass.Shared.Oauth;

namespace Pass.Web.Oauth;

/// <summary>A live access token as check_token remembers it, with its 200 body already serialized.</summary>
public sealed class CheckedToken
{
    private long _verifiedAt;

    public CheckedToken(string tokenId, string subject, string clientId, string scope, string kind, string? applicationId,
        string? authorizationId, DateTimeOffset expiresAt, long loadedAt, long verifiedAt)
    {
        _verifiedAt = verifiedAt;
        TokenId = tokenId;
        Subject = subject;
        ClientId = clientId;
        Scope = scope;
        Kind = kind;
        ApplicationId = applicationId;
        AuthorizationId = authorizationId;
        ExpiresAt = expiresAt;
        LoadedAt = loadedAt;
        Body = JsonSerializer.SerializeToUtf8Bytes(new CheckTokenResponse(true, subject, clientId, scope, expiresAt.ToUnixTimeSeconds()));
    }

    /// <summary>OpenIddict's entry id, which a single revocation marks.</summary>
    public string TokenId { get; }

    public string Subject { get; }

    public string ClientId { get; }

    public string Scope { get; }

    /// <summary><see cref="PassClaims.PersonKind"/> or <see cref="PassClaims.ClientKind"/>.</summary>
    public string Kind { get; }

    public string? ApplicationId { get; }

    public string? AuthorizationId { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The <see cref="RevocationEpochs.Sequence"/> read before this entry was loaded.</summary>
    public long LoadedAt { get; }

    /// <summary>The <see cref="RevocationEpochs.Published"/> read before the last check that found this entry current.</summary>
    public long VerifiedAt
    {
        get => Volatile.Read(ref _verifiedAt);
        set => Volatile.Write(ref _verifiedAt, value);
    }

    public byte[] Body { get; }

    public bool IsPerson => Kind == PassClaims.PersonKind;
}
