using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Pass.Web.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

public class PruningTests : IAsyncDisposable
{
    // OpenIddict's store judges expiry by the real clock, so this host's fake clock starts two days back.
    private readonly PassApplication _app = new(startAt: TimeProvider.System.GetUtcNow().AddDays(-2));

    private PassApplication App => _app;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<object?> FindAsync(string token) =>
        App.WithScopeAsync(sp => sp.GetRequiredService<IOpenIddictTokenManager>().FindByReferenceIdAsync(token).AsTask());

    [Fact]
    public async Task Expired_tokens_are_pruned_and_live_ones_kept()
    {
        var api = new OAuthApi(App.CreateClient());
        var old = await api.TerminalTokenAsync();
        App.Time.SetUtcNow(TimeProvider.System.GetUtcNow());
        var live = await api.TerminalTokenAsync();

        await App.Services.GetRequiredService<TokenPruner>().PruneAsync(TestContext.Current.CancellationToken);

        Assert.Null(await FindAsync(old));
        Assert.NotNull(await FindAsync(live));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CheckAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.CheckAsync(live)).StatusCode);
    }
}
