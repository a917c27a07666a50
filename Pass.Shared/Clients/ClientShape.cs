namespace Pass.Shared.Clients;

/// <summary>A client as registered: what the one rule below checks, on the clients page, the API and <c>Pass:Clients</c> alike.</summary>
public sealed record ClientShape(
    ClientType Type,
    IReadOnlyList<string> Grants,
    bool HasReaderFormat,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> Origins,
    string? BackchannelLogoutUri,
    string? FrontchannelLogoutUri,
    bool MayIntrospect,
    IReadOnlyList<string>? PostLogoutRedirectUris = null,
    IReadOnlyList<string>? Permissions = null);
