using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
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

    /// <summary>Sends JSON and reads the answer as an <see cref="Outcome{T}"/>: the value, 404, field errors, or the problem's title.</summary>
    public async Task<Outcome<T>> SendAsync<T>(HttpMethod method, string url, object? body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NoContent)
        {
            return Outcome<T>.Ok(default!);
        }

        if (response.IsSuccessStatusCode)
        {
            return Outcome<T>.Ok((await response.Content.ReadFromJsonAsync<T>(ct))!);
        }

        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return Outcome<T>.NotFound();
        }

        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(ct);
        var text = problem?.Detail ?? problem?.Title ?? response.ReasonPhrase ?? "Refused";
        return problem?.Errors is { Count: > 0 } errors
            ? new Outcome<T>(default, errors, FieldCodes: problem.Codes)
            : new Outcome<T>(default, null, text, Code: problem?.Code is { } code ? new CodedProblem(code, problem.Args) : null);
    }

    /// <summary>A ProblemDetails with Pass's codes (<see cref="ProblemTexts"/>): the page shows them in the person's language.</summary>
    private sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors,
        ProblemCode? Code, string[]? Args, Dictionary<string, CodedProblem[]>? Codes);

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
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(ct);
    }
}
