using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Pass.Shared.Kiosk;
using Pass.Shared.Oauth;

namespace Pass.Web.Client.Services;

/// <summary>
/// The kiosk page as an RFC 8628 device client of Pass's own endpoints: it asks for a code, follows the request's
/// state as server-sent events (no polling), redeems the approved device code, and spends the token on its sign-in.
/// </summary>
public sealed class ClientKioskSignIn(PortalHttp portal, TimeProvider time) : IKioskSignIn
{
    public async Task<KioskCode> StartAsync(string? deviceName, CancellationToken ct = default)
    {
        var form = new List<KeyValuePair<string, string>> { new("client_id", KioskClient.ClientId) };
        if (DeviceLabel.Clean(deviceName) is { Length: > 0 } name)
        {
            form.Add(new(PassParameters.DeviceName, name));
        }

        using var response = await portal.Http.PostAsync(PassRoutes.DeviceAuthorization, new FormUrlEncodedContent(form), ct);
        response.EnsureSuccessStatusCode();
        var answer = (await response.Content.ReadFromJsonAsync<DeviceAuthorizationResponse>(ct))!;
        return new KioskCode(answer.DeviceCode, answer.UserCode, answer.VerificationUri, answer.VerificationUriComplete,
            answer.ExpiresIn, time.GetUtcNow().AddSeconds(answer.ExpiresIn));
    }

    public async IAsyncEnumerable<KioskSignInStatus> WatchAsync(string deviceCode, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.KioskEvents) { Content = JsonContent.Create(new KioskWatchRequest(deviceCode)) };
        await foreach (var view in portal.EventsAsync<KioskStatusView>(request, PassEvents.Status, ct))
        {
            yield return view.Status;
        }
    }

    public async Task<KioskCompletion> CompleteAsync(string deviceCode, CancellationToken ct = default)
    {
        using var redeemed = await portal.Http.PostAsync(PassRoutes.Token, new FormUrlEncodedContent([
            new("grant_type", PassGrantTypes.DeviceCode), new("device_code", deviceCode), new("client_id", KioskClient.ClientId)]), ct);
        if (!redeemed.IsSuccessStatusCode)
        {
            var error = await redeemed.Content.ReadFromJsonAsync<OAuthError>(ct);
            return error?.Error switch
            {
                OAuthErrors.AuthorizationPending => KioskCompletion.Pending,
                OAuthErrors.AccessDenied => KioskCompletion.Denied,
                OAuthErrors.ExpiredToken => KioskCompletion.Expired,
                _ => KioskCompletion.Failed,
            };
        }

        var token = (await redeemed.Content.ReadFromJsonAsync<TokenAnswer>(ct))!;
        var request = new HttpRequestMessage(HttpMethod.Post, PassRoutes.KioskSession);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var signedIn = await portal.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        return signedIn.StatusCode == HttpStatusCode.NoContent ? KioskCompletion.SignedIn : KioskCompletion.Failed;
    }

    private sealed record TokenAnswer([property: JsonPropertyName("access_token")] string AccessToken);
}
