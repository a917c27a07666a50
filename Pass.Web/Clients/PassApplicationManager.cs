using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;

namespace Pass.Web.Clients;

/// <summary>
/// OpenIddict's application manager with client secrets stored as SHA-256 and compared in constant time.
/// PBKDF2 (OpenIddict's default) exists to slow down guessing of low-entropy human passwords; client secrets
/// here are 256-bit random values (configured ones must be at least <see cref="MinimumSecretLength"/>
/// characters), so a slow hash would only cap token issuance, which every terminal request pays.
/// </summary>
public sealed class PassApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    public const int MinimumSecretLength = 24;
    private const string Prefix = "sha256:";

    /// <summary>Exact, except a phone or desktop app's loopback address, which matches on any port (RFC 8252 §7.3).</summary>
    public override async ValueTask<bool> ValidateRedirectUriAsync(OpenIddictEntityFrameworkCoreApplication application, string uri, CancellationToken cancellationToken = default)
    {
        if (await base.ValidateRedirectUriAsync(application, uri, cancellationToken))
        {
            return true;
        }

        return await HasApplicationTypeAsync(application, OpenIddictConstants.ApplicationTypes.Native, cancellationToken)
            && (await GetRedirectUrisAsync(application, cancellationToken)).Any(registered => Pass.Shared.Clients.RedirectUris.MatchesLoopback(registered, uri));
    }

    protected override ValueTask<string> ObfuscateClientSecretAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (secret.Length < MinimumSecretLength)
        {
            throw new ArgumentException($"A client secret must be at least {MinimumSecretLength} characters.", nameof(secret));
        }

        return ValueTask.FromResult(Prefix + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
    }

    protected override ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default)
    {
        if (!comparand.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return base.ValidateClientSecretAsync(secret, comparand, cancellationToken);
        }

        Span<byte> expected = stackalloc byte[32];
        if (!Convert.TryFromBase64String(comparand[Prefix.Length..], expected, out var written) || written != 32)
        {
            return ValueTask.FromResult(false);
        }

        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        return ValueTask.FromResult(CryptographicOperations.FixedTimeEquals(actual, expected));
    }
}
