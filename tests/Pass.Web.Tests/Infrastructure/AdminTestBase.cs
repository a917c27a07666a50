namespace Pass.Web.Tests.Infrastructure;

/// <summary>A fresh Pass with the first administrator signed in to the portal API.</summary>
public abstract class AdminTestBase : PassTestBase
{
    protected PortalSession Admin { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = await PortalSession.AdminAsync(App);
    }

    public override async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await base.DisposeAsync();
    }
}
