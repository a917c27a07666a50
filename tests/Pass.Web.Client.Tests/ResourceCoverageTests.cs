using System.Globalization;
using System.Resources;
using Pass.Shared.Audit;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Client.Resources;

namespace Pass.Web.Client.Tests;

/// <summary>Every string the portal shows exists in English and in Chinese, including every enum it labels.</summary>
public class ResourceCoverageTests
{
    private static readonly ResourceManager Resources = new("Pass.Web.Client.Resources.PortalText", typeof(PortalText).Assembly);

    private static IEnumerable<string> Keys(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key);

    [Fact]
    public void Every_english_string_has_a_chinese_translation()
    {
        var chinese = Keys(CultureInfo.GetCultureInfo("zh-CN")).ToHashSet();

        var missing = Keys(CultureInfo.InvariantCulture).Where(k => !chinese.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "No Chinese for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_audit_event_card_status_reader_format_grant_and_role_has_a_label()
    {
        var english = Keys(CultureInfo.InvariantCulture).ToHashSet();
        var needed = Enum.GetNames<AuditEventType>().Select(n => "AuditEvent_" + n)
            .Concat(Enum.GetNames<CardBindingStatus>().Select(n => "CardStatus_" + n))
            .Concat(Enum.GetNames<CardReaderFormat>().Select(n => "Format_" + n))
            .Concat(PassGrantTypes.All.Select(g => "Grant_" + g))
            .Concat(PassRoles.All.Select(r => "Role_" + r))
            .Concat(PassPermissions.Api.Select(p => "Permission_" + p))
            .Concat(Enum.GetNames<Pass.Shared.Sms.SmsDeliveryStatus>().Select(n => "SmsStatus_" + n))
            .Concat(Enum.GetValues<Pass.Shared.Messages.NoticeKind>().Where(k => k != Pass.Shared.Messages.NoticeKind.FromSubsystem)
                .SelectMany(k => new[] { $"Notice_{k}", $"Notice_{k}_Body" }))
            .Concat(Enum.GetNames<Pass.Shared.Channels.ChannelKind>().SelectMany(k => new[] { $"Channel_{k}", $"Channel_{k}_Intro", $"Login_With_{k}", $"Linked_Link_{k}" }))
            .Concat(Enum.GetNames<Pass.Shared.Channels.ChannelSource>().Select(n => "ChannelSource_" + n))
            .Concat(Pass.Shared.Channels.ChannelRules.Scopes.Select(s => "ChannelScope_" + s))
            .Concat(new[] { Pass.Shared.Channels.ChannelProvider.WeChat, Pass.Shared.Channels.ChannelProvider.Alipay }.Select(p => "Provider_" + p))
            .Concat(Enum.GetNames<Pass.Shared.Problems.ProblemCode>().Where(n => n.StartsWith("Channel", StringComparison.Ordinal)).Select(n => "Problem_" + n));

        var missing = needed.Where(k => !english.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "No label for: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("PortalText.resx")]
    [InlineData("PortalText.zh-CN.resx")]
    public void No_key_is_written_twice_in_a_resource_file(string file)
    {
        // The compiler keeps the first of two and only warns (MSB3568), so a second text silently never shows.
        var path = Path.Combine(RepositoryRoot(), "Pass.Web.Client", "Resources", file);
        var names = System.Xml.Linq.XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();

        var twice = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(twice.Count == 0, $"{file} has these keys more than once: " + string.Join(", ", twice));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Pass.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Pass.sln not found above " + AppContext.BaseDirectory);
    }
}
