using System.Net;
using Pass.Shared.Oauth;

namespace Pass.Web.Client.Services;

/// <summary>Every call the browser makes to the portal API passes here: a 401 marks the sign-in as ended, once for all pages.</summary>
public sealed class SessionEndedHandler(PortalSession session) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized && IsSessionCall(request.RequestUri))
        {
            session.MarkEnded();
        }

        return response;
    }

    // A refused password on the sign-in call is an answer, not an ended session.
    private static bool IsSessionCall(Uri? uri) =>
        uri is not null && uri.AbsolutePath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
        && !uri.AbsolutePath.Equals(PassRoutes.AccountLogin, StringComparison.OrdinalIgnoreCase);
}
