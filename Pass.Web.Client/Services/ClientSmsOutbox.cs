using System.Net.Http.Json;
using Pass.Shared.Oauth;
using Pass.Shared.Sms;

namespace Pass.Web.Client.Services;

public sealed class ClientSmsOutbox(PortalHttp portal) : ISmsOutbox
{
    public async Task<IReadOnlyList<SmsOutboxEntry>> RecentAsync(CancellationToken ct = default) =>
        await portal.Http.GetFromJsonAsync<List<SmsOutboxEntry>>(PassRoutes.Api + "/sms/outbox", ct) ?? [];
}
