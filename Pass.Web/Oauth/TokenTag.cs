using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Pass.Web.Oauth;

/// <summary>
/// Pass's access tokens prove their own origin: 192 random bits and a 64-bit HMAC-SHA256 tag of them, under a key every
/// node derives from the shared token signing key; 43 characters of base64url, the shape OpenIddict gives reference
/// tokens. check_token refuses a token whose tag does not verify without touching memory or the database, so garbage
/// from an attacker costs a MAC, not a query (GitHub's tokens carry a checksum for the same reason; a MAC also stops
/// one that is computed). Tokens issued before tags existed are read from the database only until
/// <see cref="TokenOptions.LegacyTokensUntil"/>.
/// </summary>
public sealed class TokenTag : IDisposable
{
    public const int Length = 43;
    private const int RandomBytes = 24;
    private const int TagBytes = 8;
    private readonly IOptions<OpenIddictServerOptions> _server;
    private readonly IOptions<TokenOptions> _options;
    private readonly TimeProvider _time;

    // One keyed HMAC per thread, reset after each use: a one-shot call would set the key up again every time.
    private readonly ThreadLocal<IncrementalHash> _macs;
    private byte[]? _key;

    public TokenTag(IOptions<OpenIddictServerOptions> server, IOptions<TokenOptions> options, TimeProvider time)
    {
        _server = server;
        _options = options;
        _time = time;
        _macs = new(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Key), trackAllValues: true);
    }

    public string NewToken()
    {
        Span<byte> raw = stackalloc byte[RandomBytes + TagBytes];
        RandomNumberGenerator.Fill(raw[..RandomBytes]);
        Sign(raw[..RandomBytes], raw[RandomBytes..]);
        return Base64Url.EncodeToString(raw);
    }

    /// <summary>Whether the token may be one Pass issued: its tag verifies, or it may be an untagged one of before.</summary>
    public bool MayBeOurs(ReadOnlySpan<char> token) =>
        IsTagged(token) || (_options.Value.LegacyTokensUntil is { } until && _time.GetUtcNow() < until);

    public bool IsTagged(ReadOnlySpan<char> token)
    {
        Span<byte> raw = stackalloc byte[RandomBytes + TagBytes];
        // Not TryDecodeFromChars: it throws on characters outside the alphabet and on non-zero trailing bits.
        if (token.Length != Length
            || Base64Url.DecodeFromChars(token, raw, out _, out var written) != OperationStatus.Done || written != raw.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[TagBytes];
        Sign(raw[..RandomBytes], expected);
        return CryptographicOperations.FixedTimeEquals(expected, raw[RandomBytes..]);
    }

    private void Sign(ReadOnlySpan<byte> random, Span<byte> tag)
    {
        var hmac = _macs.Value!;
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        hmac.AppendData(random);
        hmac.GetHashAndReset(mac);
        mac[..tag.Length].CopyTo(tag);
    }

    // Read on first use: on a cluster the signing key comes from the shared database once the host has started.
    private byte[] Key => _key ??= HKDF.DeriveKey(HashAlgorithmName.SHA256, SigningKey(), 32, [], "Pass access token tag v1"u8.ToArray());

    public void Dispose()
    {
        foreach (var hmac in _macs.Values)
        {
            hmac.Dispose();
        }

        _macs.Dispose();
    }

    private byte[] SigningKey() =>
        _server.Value.SigningCredentials.Select(credentials => credentials.Key).OfType<SymmetricSecurityKey>().FirstOrDefault()?.Key
        ?? throw new InvalidOperationException("The OAuth server has no symmetric signing key to derive the token tag key from.");
}
