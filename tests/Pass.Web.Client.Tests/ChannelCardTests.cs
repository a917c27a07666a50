using Bunit;
using Pass.Shared;
using Pass.Shared.Channels;
using Pass.Shared.Problems;
using Pass.Web.Client.Components;

namespace Pass.Web.Client.Tests;

public class ChannelCardTests : PortalTestContext
{
    private static ChannelView WeChat(bool secretSet = true) => new(ChannelKind.WeChatWebsite, true, secretSet, "wx0123456789abcdef", secretSet, secretSet ? "••••2345" : null,
        null, null, null, "https://pass.example.edu/signin-wechat-website", ChannelSource.Database, null);

    [Fact]
    public void Saving_sends_what_was_typed_leaves_an_untouched_secret_out_and_shows_a_refusal_under_its_field()
    {
        var sent = new List<UpdateChannelRequest?>();
        var cut = Render<ChannelCard>(p => p.Add(c => c.Channel, WeChat()).Add(c => c.OnSave, request =>
        {
            sent.Add(request);
            return Task.FromResult(Outcome<ChannelView>.Invalid(ChannelRules.Field(nameof(UpdateChannelRequest.AppId)), ProblemCode.ChannelAppIdInvalid));
        }));

        Assert.Contains("••••2345", cut.Markup);
        cut.Find("#channel-WeChatWebsite-appid").Change("wx bad");
        cut.Find("[data-testid=channel-save]").Click();

        cut.WaitForAssertion(() => Assert.Single(sent));
        Assert.Equal(new UpdateChannelRequest(true, "wx bad", null, null, null), sent[0]);
        cut.WaitForAssertion(() => Assert.Contains("16 letters or digits", cut.Find("[role=alert]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=channel-new-key-pair]"));
    }

    [Fact]
    public void An_alipay_channel_offers_a_new_key_pair_and_shows_the_public_key_to_upload()
    {
        var alipay = new ChannelView(ChannelKind.Alipay, false, false, "2021000000000001", true, "SHA256:0011223344556677", null, "MIIBIjANBgkqh-public",
            null, "https://pass.example.edu/signin-alipay", ChannelSource.Database, null);
        var sent = new List<UpdateChannelRequest?>();
        var cut = Render<ChannelCard>(p => p.Add(c => c.Channel, alipay).Add(c => c.OnSave, request =>
        {
            sent.Add(request);
            return Task.FromResult(Outcome<ChannelView>.Ok(alipay));
        }));

        Assert.Equal("MIIBIjANBgkqh-public", cut.Find("#channel-Alipay-app-public-key").GetAttribute("value"));
        cut.Find("[data-testid=channel-new-key-pair]").Click();

        cut.WaitForAssertion(() => Assert.Equal([null], sent));
    }

    [Fact]
    public void Alipays_public_key_is_loaded_from_the_text_file_alipay_gives_and_saved_with_the_rest()
    {
        var alipay = new ChannelView(ChannelKind.Alipay, false, false, "2021000000000001", false, null, null, null, null, "https://pass.example.edu/signin-alipay", ChannelSource.None, null);
        var sent = new List<UpdateChannelRequest?>();
        var cut = Render<ChannelCard>(p => p.Add(c => c.Channel, alipay).Add(c => c.OnSave, request =>
        {
            sent.Add(request);
            return Task.FromResult(Outcome<ChannelView>.Ok(alipay));
        }));

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText("  MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n", "alipayPublicKey_RSA2.txt"));
        cut.Find("[data-testid=channel-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A", Assert.Single(sent)!.ProviderPublicKey));
    }
}
