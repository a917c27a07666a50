using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Pass.Shared.Oauth;
using Pass.Web.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Pass.Web.Oauth;

/// <summary>
/// A client that lost the answer to its refresh (a network timeout) and asks again within
/// <see cref="TokenOptions.RefreshTokenReuseLeeway"/> gets the very same new pair (RFC 9700 §4.14.2), instead of
/// tripping reuse detection, which would sign the person out of that client everywhere. Requests with one refresh
/// token are taken one at a time, so a burst of retries is answered once. Any use after the grace is reuse: OpenIddict
/// revokes the whole family. Kept per node, in memory, for the grace only; the same client must ask (its secret is
/// checked again).
/// </summary>
internal sealed class RefreshRetries(IOptions<TokenOptions> options, TimeProvider time) :
    IOpenIddictServerHandler<ValidateTokenRequestContext>,
    IOpenIddictServerHandler<ApplyTokenResponseContext>
{
    private sealed record Answer(string ClientId, string Json, DateTimeOffset Until);

    private readonly ConcurrentDictionary<string, Answer> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _turns = new(StringComparer.Ordinal);
    private const string KeyProperty = "pass.refresh-retry";

    public static IEnumerable<OpenIddictServerHandlerDescriptor> Descriptors { get; } =
    [
        // Before OpenIddict authenticates the refresh token, which is where reuse is detected.
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseSingletonHandler<RefreshRetries>()
            .SetOrder(OpenIddict.Server.OpenIddictServerHandlers.Exchange.ValidateAuthentication.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom).Build(),
        OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
            .UseSingletonHandler<RefreshRetries>().SetOrder(int.MinValue + 400).SetType(OpenIddictServerHandlerType.Custom).Build(),
    ];

    private TimeSpan Grace => options.Value.RefreshTokenReuseLeeway;

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        if (Grace <= TimeSpan.Zero || context.Request is not { GrantType: PassGrantTypes.RefreshToken, RefreshToken: { Length: > 0 } token }
            || context.Transaction.GetHttpRequest()?.HttpContext is not { } http)
        {
            return;
        }

        var key = Secrets.Hash(token);
        var turn = _turns.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(http.RequestAborted);
        http.Response.RegisterForDispose(new Release(this, key, turn));
        context.Transaction.Properties[KeyProperty] = key;

        var now = time.GetUtcNow();
        if (!_answers.TryGetValue(key, out var answer) || answer.Until < now)
        {
            return;
        }

        var sameClient = answer.ClientId == context.ClientId
            && http.RequestServices.GetRequiredService<IOpenIddictApplicationManager>() is var applications
            && await applications.FindByClientIdAsync(answer.ClientId) is { } app
            && (await applications.HasClientTypeAsync(app, ClientTypes.Public)
                || (context.ClientSecret is { } secret && await applications.ValidateClientSecretAsync(app, secret)));
        if (!sameClient)
        {
            return;
        }

        http.Response.ContentType = "application/json;charset=UTF-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        await http.Response.WriteAsync(answer.Json, http.RequestAborted);
        context.HandleRequest();
    }

    public ValueTask HandleAsync(ApplyTokenResponseContext context)
    {
        if (context.Transaction.Properties.TryGetValue(KeyProperty, out var value) && value is string key
            && context.Response.Error is null && context.Request?.ClientId is { } clientId)
        {
            var now = time.GetUtcNow();
            _answers[key] = new Answer(clientId, JsonSerializer.Serialize(context.Response), now + Grace);
            foreach (var (old, answer) in _answers)
            {
                if (answer.Until < now)
                {
                    _answers.TryRemove(old, out _);
                    _turns.TryRemove(old, out _);
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Ends a request's turn; a token nobody else waits for is forgotten, so refused or garbage tokens leave nothing behind.</summary>
    private sealed class Release(RefreshRetries retries, string key, SemaphoreSlim turn) : IDisposable
    {
        public void Dispose()
        {
            if (turn.Release() == 0 && !retries._answers.ContainsKey(key))
            {
                retries._turns.TryRemove(KeyValuePair.Create(key, turn));
            }
        }
    }
}
