using OpenIddict.Abstractions;
using Pass.Web.Data;

namespace Pass.Web.Oauth;

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
