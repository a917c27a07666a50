namespace Pass.Web.Tests.Infrastructure;

/// <summary>A fresh Pass (own database, own clock) for each test class instance.</summary>
public abstract class PassTestBase : IAsyncLifetime
{
    protected PassApplication App { get; } = new();

    protected OAuthApi Api { get; private set; } = null!;

    public virtual ValueTask InitializeAsync()
    {
        Api = new OAuthApi(App.CreateClient());
        return ValueTask.CompletedTask;
    }

    public virtual async ValueTask DisposeAsync()
    {
        Api.Http.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
