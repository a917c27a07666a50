using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using Pass.Web.Data;

namespace Pass.Web.Sms;

/// <summary>A generic HTTP SMS gateway: URL, method, body template and Authorization header from <c>Pass:Sms:Gateway</c>.</summary>
public sealed class HttpGatewaySmsSender(HttpClient http, IOptions<SmsOptions> options) : ISmsSender
{
    public async Task<string?> SendAsync(SmsOutboxMessage message, CancellationToken ct)
    {
        var gateway = options.Value.Gateway;
        var body = gateway.BodyTemplate
            .Replace("{phone}", JavaScriptEncoder.Default.Encode(message.Phone), StringComparison.Ordinal)
            .Replace("{message}", JavaScriptEncoder.Default.Encode(message.Text), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(gateway.Method), gateway.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, gateway.ContentType),
        };
        if (!string.IsNullOrEmpty(gateway.Authorization))
        {
            request.Headers.TryAddWithoutValidation("Authorization", gateway.Authorization);
        }

        try
        {
            using var response = await http.SendAsync(request, ct);
            return response.IsSuccessStatusCode ? null : $"gateway answered {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return $"gateway unreachable: {e.GetType().Name}";
        }
    }
}
