using Pass.Shared.Oauth;
using Pass.Shared.Problems;

namespace Pass.Shared.Clients;

public static class ClientRules
{
    /// <summary>Grants a client without a secret can use: the person signs in; the app only carries the code.</summary>
    public static readonly IReadOnlyList<string> PublicGrants = [PassGrantTypes.AuthorizationCode, PassGrantTypes.RefreshToken];

    /// <summary>
    /// The first thing wrong with a new client, with the field it is about, or null when it can be registered: the one
    /// check the clients API, the clients page and <c>Pass:Clients</c> make.
    /// </summary>
    public static (string Field, CodedProblem Problem)? Check(RegisterClientRequest request) =>
        string.IsNullOrWhiteSpace(request.DisplayName) ? ("displayName", ProblemCode.DisplayNameRequired) : Check(ShapeOf(request));

    /// <summary>What <see cref="Check(ClientShape)"/> reads of a new client; left-out lists are empty, left-out switches their defaults.</summary>
    public static ClientShape ShapeOf(RegisterClientRequest request) =>
        new(request.Type ?? ClientType.Confidential, request.Grants ?? [], request.ReaderFormat is not null, request.RedirectUris ?? [], request.Origins ?? [],
            request.BackchannelLogoutUri, request.FrontchannelLogoutUri, request.MayIntrospect ?? false, request.PostLogoutRedirectUris,
            request.Permissions);

    /// <summary>The first thing wrong with the client, with the field it is about, or null when it can be registered.</summary>
    public static (string Field, CodedProblem Problem)? Check(ClientShape client)
    {
        if (!Enum.IsDefined(client.Type))
        {
            return ("type", new CodedProblem(ProblemCode.ClientTypeUnknown, [((int)client.Type).ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        if (client.Grants.FirstOrDefault(g => !PassGrantTypes.All.Contains(g)) is { } unknown)
        {
            return ("grants", new CodedProblem(ProblemCode.GrantUnknown, [unknown, string.Join(", ", PassGrantTypes.All)]));
        }

        var isPublic = client.Type != ClientType.Confidential;
        if (isPublic && (!client.Grants.Contains(PassGrantTypes.AuthorizationCode) || client.Grants.Any(g => !PublicGrants.Contains(g))))
        {
            return ("grants", ProblemCode.PublicClientGrants);
        }

        if (isPublic && client.MayIntrospect)
        {
            return ("mayIntrospect", ProblemCode.PublicClientIntrospection);
        }

        if ((client.Permissions ?? []).FirstOrDefault(p => !PassPermissions.Api.Contains(p)) is { } unknownPermission)
        {
            return ("permissions", new CodedProblem(ProblemCode.PermissionUnknown, [unknownPermission, string.Join(", ", PassPermissions.Api)]));
        }

        if (isPublic && client.Permissions is { Count: > 0 })
        {
            return ("permissions", ProblemCode.PublicClientPermissions);
        }

        // A permission is used with the client's own token, which only the client_credentials grant gives.
        if (client.Permissions is { Count: > 0 } && !client.Grants.Contains(PassGrantTypes.ClientCredentials))
        {
            return ("permissions", ProblemCode.PermissionsNeedClientCredentials);
        }

        if (client.RedirectUris.Select(uri => RedirectUris.Check(uri, client.Type)).FirstOrDefault(p => p is not null) is { } badRedirect)
        {
            return ("redirectUris", badRedirect);
        }

        if ((client.PostLogoutRedirectUris ?? []).Select(uri => RedirectUris.Check(uri, client.Type)).FirstOrDefault(p => p is not null) is { } badReturn)
        {
            return ("postLogoutRedirectUris", badReturn);
        }

        if (client.Grants.Contains(PassGrantTypes.AuthorizationCode) && client.RedirectUris.Count == 0)
        {
            return ("redirectUris", ProblemCode.RedirectUriRequired);
        }

        if (client.Type == ClientType.Spa && client.Origins.Count == 0)
        {
            return ("origins", ProblemCode.OriginRequired);
        }

        if (client.Type != ClientType.Spa && client.Origins.Count > 0)
        {
            return ("origins", ProblemCode.OriginsOnlyForSpa);
        }

        if (client.Origins.Select(Pass.Shared.Clients.Origins.Check).FirstOrDefault(p => p is not null) is { } badOrigin)
        {
            return ("origins", badOrigin);
        }

        foreach (var (field, uri) in new[] { ("backchannelLogoutUri", client.BackchannelLogoutUri), ("frontchannelLogoutUri", client.FrontchannelLogoutUri) })
        {
            if (!string.IsNullOrEmpty(uri) && RedirectUris.Check(uri) is not null)
            {
                return (field, new CodedProblem(ProblemCode.LogoutUriInvalid, [uri]));
            }
        }

        return client.Grants.Contains(PassGrantTypes.Card) && !client.HasReaderFormat ? ("readerFormat", ProblemCode.ReaderFormatRequired) : null;
    }
}
