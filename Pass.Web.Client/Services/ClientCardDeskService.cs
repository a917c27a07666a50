using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pass.Shared;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Shared.Problems;
using Pass.Shared.Users;

namespace Pass.Web.Client.Services;

/// <summary><see cref="ICardDeskService"/> in the browser, over the card API; HTTP answers are read back into desk results.</summary>
public sealed class ClientCardDeskService(PortalHttp portal) : ICardDeskService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<UserSummary>> FindPeopleAsync(string? query, CancellationToken ct = default) =>
        (await portal.Http.GetFromJsonAsync<PagedResult<UserSummary>>($"{PassRoutes.Users}?pageSize=20&q={Uri.EscapeDataString(query ?? "")}", ct))?.Items ?? [];

    public async Task<IReadOnlyList<CardBindingView>> CardsOfAsync(string userId, CancellationToken ct = default) =>
        await portal.Http.GetFromJsonAsync<List<CardBindingView>>($"{PassRoutes.Cards}?userId={Uri.EscapeDataString(userId)}", ct) ?? [];

    public Task<CardDeskResult> BindCardAsync(string userId, string typed, CardReaderFormat format, Guid? acknowledgedLost = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, PassRoutes.Cards, new BindCardRequest(userId, typed, format, acknowledgedLost), ct);

    public Task<CardDeskResult> ReplaceAsync(Guid bindingId, string typed, CardReaderFormat format, Guid? acknowledgedLost = null, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"{PassRoutes.Cards}/{bindingId}/replace", new ReplaceCardRequest(typed, format, acknowledgedLost), ct);

    public Task<CardDeskResult> UnbindAsync(Guid bindingId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"{PassRoutes.Cards}/{bindingId}/unbind", null, ct);

    public Task<CardDeskResult> ReportLostAsync(Guid bindingId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"{PassRoutes.Cards}/{bindingId}/report-lost", null, ct);

    public async Task<IReadOnlyList<CardBindingView>> HistoryAsync(string number, CardReaderFormat? format, CancellationToken ct = default)
    {
        var query = $"number={Uri.EscapeDataString(number)}" + (format is { } f ? $"&format={f}" : "");
        using var response = await portal.Http.GetAsync($"{PassRoutes.Cards}/history?{query}", ct);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<List<CardBindingView>>(Json, ct) ?? [] : [];
    }

    private async Task<CardDeskResult> SendAsync(HttpMethod method, string url, object? body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Json) };
        using var response = await portal.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if (response.IsSuccessStatusCode)
        {
            return new CardDeskResult(CardDeskOutcome.Done, await response.Content.ReadFromJsonAsync<CardBindingView>(Json, ct));
        }

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct) is { Length: > 0 } text ? text : "{}");
        var root = problem.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        DateTimeOffset? When(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var at) ? at : null;
        Guid? Id(string name) => Guid.TryParse(Text(name), out var id) ? id : null;
        var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String && Enum.TryParse<ProblemCode>(c.GetString(), out var parsed)
            ? new CodedProblem(parsed, root.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray().Select(v => v.GetString() ?? "")] : null)
            : null;
        return response.StatusCode switch
        {
            HttpStatusCode.Conflict when Id("lostBindingId") is { } lost => new CardDeskResult(CardDeskOutcome.ReportedLost, Reason: Text("detail"),
                BoundTo: Text("boundTo"), ConflictingBindingId: lost, ReportedLostAt: When("reportedLostAt"), Code: code),
            HttpStatusCode.BadRequest => new CardDeskResult(CardDeskOutcome.Invalid, Reason: FirstError(root) ?? Text("detail"), Code: FirstCode(root)),
            HttpStatusCode.NotFound when url == PassRoutes.Cards => new CardDeskResult(CardDeskOutcome.PersonNotFound),
            HttpStatusCode.NotFound => new CardDeskResult(CardDeskOutcome.NotFound),
            HttpStatusCode.Conflict when Text("boundTo") is { } boundTo => new CardDeskResult(CardDeskOutcome.AlreadyBound, Reason: Text("detail"),
                BoundTo: boundTo, ConflictingBindingId: Id("bindingId"), Code: code),
            HttpStatusCode.Conflict => new CardDeskResult(CardDeskOutcome.NotActive, Reason: Text("detail"), Code: code),
            _ => throw new HttpRequestException($"The card desk request failed: {(int)response.StatusCode}.", null, response.StatusCode),
        };
    }

    private static CodedProblem? FirstCode(JsonElement root) =>
        root.TryGetProperty("codes", out var codes) && codes.ValueKind == JsonValueKind.Object
            ? codes.EnumerateObject().SelectMany(e => e.Value.Deserialize<CodedProblem[]>(Json) ?? []).FirstOrDefault()
            : null;

    private static string? FirstError(JsonElement root) =>
        root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            ? errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(v => v.GetString()).FirstOrDefault()
            : null;
}
