using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pass.Shared;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Shared.Users;

namespace Pass.Web.Client.Services;

/// <summary><see cref="ICardDeskService"/> in the browser, over the card API; its answers are read back into the outcomes the server decided.</summary>
public sealed class ClientCardDeskService(PortalHttp portal) : ICardDeskService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<UserSummary>> FindPeopleAsync(string? query, CancellationToken ct = default) =>
        (await portal.Http.GetFromJsonAsync<PagedResult<UserSummary>>($"{PassRoutes.Users}?pageSize=20&q={Uri.EscapeDataString(query ?? "")}", ct))?.Items ?? [];

    public async Task<IReadOnlyList<CardBindingView>> CardsOfAsync(string userId, CancellationToken ct = default) =>
        await portal.Http.GetFromJsonAsync<List<CardBindingView>>($"{PassRoutes.Cards}?userId={Uri.EscapeDataString(userId)}", ct) ?? [];

    public Task<Outcome<CardBindingView>> BindCardAsync(string userId, string typed, CardReaderFormat format, Guid? acknowledgedLost = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, PassRoutes.Cards, new BindCardRequest(userId, typed, format, acknowledgedLost), ct);

    public Task<Outcome<CardBindingView>> ReplaceAsync(Guid bindingId, string typed, CardReaderFormat format, Guid? acknowledgedLost = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"{PassRoutes.Cards}/{bindingId}/replace", new ReplaceCardRequest(typed, format, acknowledgedLost), ct);

    public Task<Outcome<CardBindingView>> UnbindAsync(Guid bindingId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"{PassRoutes.Cards}/{bindingId}/unbind", null, ct);

    public Task<Outcome<CardBindingView>> ReportLostAsync(Guid bindingId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"{PassRoutes.Cards}/{bindingId}/report-lost", null, ct);

    public async Task<IReadOnlyList<CardBindingView>> HistoryAsync(string number, CardReaderFormat? format, CancellationToken ct = default)
    {
        var query = $"number={Uri.EscapeDataString(number)}" + (format is { } f ? $"&format={f}" : "");
        using var response = await portal.Http.GetAsync($"{PassRoutes.Cards}/history?{query}", ct);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<List<CardBindingView>>(Json, ct) ?? [] : [];
    }

    // The card API answers 2xx, 400, 404 or 409; anything else (a failed server, a refused session) is not a desk result.
    private async Task<Outcome<CardBindingView>> SendAsync(HttpMethod method, string url, object? body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        using var response = await portal.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if (!response.IsSuccessStatusCode && response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict))
        {
            throw new HttpRequestException($"The card desk request failed: {(int)response.StatusCode}.", null, response.StatusCode);
        }

        return await PortalHttp.OutcomeOfAsync<CardBindingView>(response, ct);
    }
}
