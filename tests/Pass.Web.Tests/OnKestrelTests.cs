namespace Pass.Web.Tests;

// Sign in with Pass's protocol fixes once more over real sockets: Kestrel's own HTTP, headers (CORS, Vary,
// Cache-Control) and redirects, as an integrator's client meets them.

public sealed class TokenOwnershipOnKestrelTests : TokenOwnershipTests
{
    protected override bool OnKestrel => true;
}

public sealed class ClientTypesOnKestrelTests : ClientTypesTests
{
    protected override bool OnKestrel => true;
}

public sealed class BackchannelLogoutOnKestrelTests : BackchannelLogoutTests
{
    protected override bool OnKestrel => true;
}

public sealed class RevocationOnKestrelTests : RevocationTests
{
    protected override bool OnKestrel => true;
}
