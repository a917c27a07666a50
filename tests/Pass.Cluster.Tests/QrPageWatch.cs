using System.Net.ServerSentEvents;
using System.Text.Json;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Cluster.Tests;

/// <summary>
/// A new person's My QR page on one node, as its live stream (server-sent events): the code, and each status the
/// page is told. Opened once the first status (unused) has arrived.
/// </summary>
public sealed class QrPageWatch : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly PortalSession _person;
    private readonly HttpResponseMessage _response;
    private readonly Stream _stream;
    private readonly IAsyncEnumerator<SseItem<string>> _events;

    private QrPageWatch(PortalSession person, PortalQrCode code, HttpResponseMessage response, Stream stream)
    {
        _person = person;
        Code = code;
        _response = response;
        _stream = stream;
        _events = SseParser.Create(stream).EnumerateAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator();
    }

    public PortalQrCode Code { get; }

    public static async Task<QrPageWatch> OpenAsync(PassApplication node)
    {
        var email = $"p-{Guid.NewGuid():N}@test.local";
        await node.CreatePersonAsync(email);
        var person = await PortalSession.SignInAsync(node, email);
        var code = await person.ReadAsync<PortalQrCode>(await person.PostAsync($"{PassRoutes.Me}/qr"));
        var response = await person.Http.GetAsync($"{PassRoutes.Me}/qr/{code.Session}/events", HttpCompletionOption.ResponseHeadersRead);
        var watch = new QrPageWatch(person, code, response, await response.Content.ReadAsStreamAsync());
        Assert.Equal(QrSessionStatus.Unused, await watch.NextStatusAsync(TimeSpan.FromSeconds(30)));
        return watch;
    }

    /// <summary>The next status the page is told, within <paramref name="patience"/>.</summary>
    public async Task<QrSessionStatus> NextStatusAsync(TimeSpan patience)
    {
        Assert.True(await _events.MoveNextAsync().AsTask().WaitAsync(patience, TestContext.Current.CancellationToken), "the stream ended");
        return JsonSerializer.Deserialize<QrSessionView>(_events.Current.Data, Json)!.Status;
    }

    public async ValueTask DisposeAsync()
    {
        await _events.DisposeAsync();
        await _stream.DisposeAsync();
        _response.Dispose();
        _person.Dispose();
    }
}
