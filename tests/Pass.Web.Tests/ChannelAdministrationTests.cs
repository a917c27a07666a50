using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Audit;
using Pass.Shared.Channels;
using Pass.Shared.Oauth;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>The channels page's API: secrets write-only and encrypted, checked before they are saved, audited without them; a channel offered only when ready.</summary>
public sealed class ChannelAdministrationTests : AdminTestBase
{
    private const string Secret = "Abcdefghijklmnopqrstuvwxyz012345";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<JsonElement> FieldCodesAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("codes");
    }

    private Task<HttpResponseMessage> PutAsync(ChannelKind kind, UpdateChannelRequest request) => Admin.Http.PutAsJsonAsync($"{PassRoutes.Channels}/{kind}", request, Json);

    private async Task<string> LoginPageAsync() => await (await App.CreateClient().GetAsync("/Account/Login")).Content.ReadAsStringAsync();

    [Fact]
    public async Task An_unconfigured_pass_lists_every_channel_as_not_ready_and_offers_none()
    {
        var channels = (await Admin.Http.GetFromJsonAsync<List<ChannelView>>(PassRoutes.Channels, Json))!;

        Assert.Equal(Enum.GetValues<ChannelKind>(), channels.Select(c => c.Kind));
        Assert.All(channels, c => Assert.Equal((false, false, ChannelSource.None), (c.Enabled, c.Ready, c.Source)));
        Assert.EndsWith("/signin-wechat-website", channels[0].CallbackUrl);
        var login = await LoginPageAsync();
        Assert.DoesNotContain("login-with-wechat", login);
        Assert.DoesNotContain("login-with-alipay", login);
        var challenge = await App.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(PassRoutes.ExternalSignIn + "/wechat-website");
        Assert.Equal("/Account/Login?channel=unavailable", challenge.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_saved_secret_is_encrypted_shown_only_as_its_last_four_kept_when_left_out_and_never_audited()
    {
        var saved = await Admin.ReadAsync<ChannelView>(await PutAsync(ChannelKind.WeChatWebsite, new UpdateChannelRequest(true, " wx0123456789abcdef ", Secret)));
        var again = await Admin.ReadAsync<ChannelView>(await PutAsync(ChannelKind.WeChatWebsite, new UpdateChannelRequest(true, "wx0123456789abcdef")));

        Assert.Equal((true, true, "wx0123456789abcdef", true, "••••2345", ChannelSource.Database), (saved.Enabled, saved.Ready, saved.AppId, saved.SecretSet, saved.SecretHint, saved.Source));
        Assert.Equal((true, "••••2345"), (again.SecretSet, again.SecretHint));
        var row = await App.WithScopeAsync(sp => sp.GetRequiredService<PassDbContext>().Channels.AsNoTracking().SingleAsync());
        Assert.DoesNotContain(Secret, row.ProtectedSecret);
        Assert.DoesNotContain(Secret, await Admin.Http.GetStringAsync(PassRoutes.Channels));
        var lines = (await App.WithScopeAsync(sp => sp.GetRequiredService<AuditLog>().QueryAsync(new AuditQuery(Type: AuditEventType.ChannelUpdated)))).Items;
        Assert.Equal(["WeChatWebsite: nothing", "WeChatWebsite: enabled, appId, secret"], lines.Select(l => l.Detail));
        Assert.Contains("id=\"login-with-wechat-website\"", await LoginPageAsync());
    }

    [Fact]
    public async Task Settings_that_break_a_rule_are_refused_field_by_field_and_nothing_is_saved()
    {
        var appId = await FieldCodesAsync(await PutAsync(ChannelKind.WeChatWebsite, new UpdateChannelRequest(false, "wx 01<script>", "short")));
        var incomplete = await FieldCodesAsync(await PutAsync(ChannelKind.WeChatOfficialAccount, new UpdateChannelRequest(true, "wxfedcba9876543210", Scope: "snsapi_base")));
        var scope = await FieldCodesAsync(await PutAsync(ChannelKind.WeChatOfficialAccount, new UpdateChannelRequest(false, null, Scope: "snsapi_everything")));
        var keys = await FieldCodesAsync(await PutAsync(ChannelKind.Alipay, new UpdateChannelRequest(false, "2021000000000001", "not a key", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA")));

        Assert.Equal("ChannelAppIdInvalid", appId.GetProperty("appId")[0].GetProperty("code").GetString());
        Assert.Equal("ChannelSecretInvalid", appId.GetProperty("secret")[0].GetProperty("code").GetString());
        Assert.Equal("ChannelIncomplete", incomplete.GetProperty("secret")[0].GetProperty("code").GetString());
        Assert.False(incomplete.TryGetProperty("appId", out _));
        Assert.Equal("ChannelScopeUnknown", scope.GetProperty("scope")[0].GetProperty("code").GetString());
        Assert.Equal("ChannelKeyInvalid", keys.GetProperty("secret")[0].GetProperty("code").GetString());
        Assert.Equal("ChannelProviderKeyInvalid", keys.GetProperty("providerPublicKey")[0].GetProperty("code").GetString());
        Assert.Equal(0, await App.WithScopeAsync(sp => sp.GetRequiredService<PassDbContext>().Channels.CountAsync()));
    }

    [Fact]
    public async Task A_private_key_pasted_as_alipays_public_key_and_an_app_id_of_the_other_provider_are_refused()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);

        var privateAsPublic = await FieldCodesAsync(await PutAsync(ChannelKind.Alipay, new UpdateChannelRequest(false, "2021000000000001", ProviderPublicKey: rsa.ExportPkcs8PrivateKeyPem())));
        var wechatIdForAlipay = await FieldCodesAsync(await PutAsync(ChannelKind.Alipay, new UpdateChannelRequest(false, "wx0123456789abcdef")));
        var alipayIdForWeChat = await FieldCodesAsync(await PutAsync(ChannelKind.WeChatWebsite, new UpdateChannelRequest(false, "2021000000000001")));

        Assert.Equal("ChannelProviderKeyInvalid", privateAsPublic.GetProperty("providerPublicKey")[0].GetProperty("code").GetString());
        Assert.Equal("ChannelAppIdInvalid", wechatIdForAlipay.GetProperty("appId")[0].GetProperty("code").GetString());
        Assert.Equal("ChannelAppIdInvalid", alipayIdForWeChat.GetProperty("appId")[0].GetProperty("code").GetString());
        Assert.Equal(0, await App.WithScopeAsync(sp => sp.GetRequiredService<PassDbContext>().Channels.CountAsync()));
    }

    [Fact]
    public async Task A_new_alipay_key_pair_keeps_the_private_key_and_shows_the_public_key_to_upload()
    {
        var made = await Admin.ReadAsync<ChannelView>(await Admin.PostAsync($"{PassRoutes.Channels}/Alipay/key-pair"));
        var wechat = await Admin.PostAsync($"{PassRoutes.Channels}/WeChatWebsite/key-pair");

        Assert.True(made.SecretSet);
        Assert.StartsWith("SHA256:", made.SecretHint);
        using var rsa = System.Security.Cryptography.RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(Convert.FromBase64String(made.AppPublicKey!), out _);
        Assert.Equal(2048, rsa.KeySize);
        Assert.False(made.Ready); // Alipay's own public key is still missing
        Assert.Equal(HttpStatusCode.Conflict, wechat.StatusCode);
    }

    [Fact]
    public async Task A_person_who_is_not_an_administrator_cannot_read_or_change_channels()
    {
        await App.CreatePersonAsync("p@test.local");
        using var person = await PortalSession.SignInAsync(App, "p@test.local");

        Assert.Equal(HttpStatusCode.Forbidden, (await person.Http.GetAsync(PassRoutes.Channels)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.Http.PutAsJsonAsync($"{PassRoutes.Channels}/Alipay", new UpdateChannelRequest(false, null), Json)).StatusCode);
    }
}
