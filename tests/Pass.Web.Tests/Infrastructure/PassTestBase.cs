namespace Pass.Web.Tests.Infrastructure;

/// <summary>A fresh Pass (own database, own clock) for each test class instance.</summary>
public abstract class PassTestBase : IAsyncLifetime
{
    protected PassApplication App { get; } = new();

    protected OAuthApi Api { get; private set; } = null!;

    /// <summary>Run on real Kestrel at 127.0.0.1 (sockets, real HTTP parsing and headers) instead of the in-memory test server.</summary>
    protected virtual bool OnKestrel => false;

    public virtual ValueTask InitializeAsync()
    {
        Api = new OAuthApi(OnKestrel ? new HttpClient { BaseAddress = App.StartKestrel() } : App.CreateClient());
        return ValueTask.CompletedTask;
    }

    public virtual async ValueTask DisposeAsync()
    {
        Api.Http.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
