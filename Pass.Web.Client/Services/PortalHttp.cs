using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Components.WebAssembly.Http;
using Pass.Shared;
using Pass.Shared.Oauth;
using Pass.Shared.Problems;
using Pass.Shared.Users;

namespace Pass.Web.Client.Services;

/// <summary>
/// The browser's calls to the portal API: same-origin, so the sign-in cookie rides along; writes carry the
/// antiforgery header, fetched once per page load.
/// </summary>
public sealed class PortalHttp(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private AntiforgeryToken? _antiforgery;

    public HttpClient Http => http;

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            _antiforgery ??= await http.GetFromJsonAsync<AntiforgeryToken>(PassRoutes.Antiforgery, ct);
            request.Headers.Add(_antiforgery!.HeaderName, _antiforgery.Token);
        }

        return await http.SendAsync(request, completion, ct);
    }

    public async Task<T> PostAsync<T>(string url, CancellationToken ct)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, url), HttpCompletionOption.ResponseContentRead, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>(ct))!;
    }

    /// <summary>Sends JSON and reads the answer as an <see cref="Outcome{T}"/>.</summary>
    public async Task<Outcome<T>> SendAsync<T>(HttpMethod method, string url, object? body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        return await OutcomeOfAsync<T>(response, ct);
    }

    /// <summary>
    /// An answer of the portal API as the <see cref="Outcome{T}"/> the server decided (<c>ApiExtensions.ToHttp</c>): the
    /// value, 400 with field errors, 404 (with the code of what is missing), or the refusal with its code and facts.
    /// </summary>
    public static async Task<Outcome<T>> OutcomeOfAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return Outcome<T>.Ok(default!);
        }

        if (response.IsSuccessStatusCode)
        {
            return Outcome<T>.Ok((await response.Content.ReadFromJsonAsync<T>(ct))!);
        }

        var problem = await response.Content.ReadAsStringAsync(ct) is { Length: > 0 } text ? JsonSerializer.Deserialize<ProblemBody>(text, Json) : null;
        var status = response.StatusCode switch
        {
            HttpStatusCode.BadRequest => OutcomeStatus.Invalid,
            HttpStatusCode.NotFound => OutcomeStatus.NotFound,
            _ => OutcomeStatus.Refused,
        };
        var errors = problem?.Errors is { Count: > 0 } fields ? fields : null;
        return new Outcome<T>(status)
        {
            Errors = errors,
            FieldCodes = errors is null ? null : problem!.Codes,
            Problem = errors is not null || status == OutcomeStatus.NotFound ? null : problem?.Detail ?? problem?.Title ?? response.ReasonPhrase ?? "Refused",
            Code = errors is null && problem?.Code is { } code ? new CodedProblem(code, problem.Args) : null,
            Detail = problem?.Detail,
            Facts = problem?.Facts,
        };
    }

    /// <summary>A ProblemDetails with Pass's codes (<see cref="ProblemTexts"/>): the page shows them in the person's language.</summary>
    private sealed record ProblemBody(string? Type, string? Title, int? Status, string? Detail, string? Instance, Dictionary<string, string[]>? Errors,
        ProblemCode? Code, string[]? Args, Dictionary<string, CodedProblem[]>? Codes)
    {
        /// <summary>The members a refusal adds for the caller to act on (<see cref="Outcome{T}.Facts"/>).</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? Facts { get; init; }
    }

    /// <summary>Reads a server-sent event stream as it arrives, keeping the events of <paramref name="eventType"/>.</summary>
    public IAsyncEnumerable<T> EventsAsync<T>(string url, string eventType, CancellationToken ct) =>
        EventsAsync<T>(new HttpRequestMessage(HttpMethod.Get, url), eventType, ct);

    /// <summary>The same for a stream opened by another request (a POST that carries what the server needs to know).</summary>
    public async IAsyncEnumerable<T> EventsAsync<T>(HttpRequestMessage request, string eventType, [EnumeratorCancellation] CancellationToken ct)
    {
        request.SetBrowserResponseStreamingEnabled(true);
        using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(ct))
        {
            if (item.EventType == eventType && JsonSerializer.Deserialize<T>(item.Data, Json) is { } value)
            {
                yield return value;
            }
        }
    }

    public async Task<T?> GetOrDefaultAsync<T>(string url, CancellationToken ct) where T : class
    {
        using var response = await http.GetAsync(url, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(ct);
    }
}
