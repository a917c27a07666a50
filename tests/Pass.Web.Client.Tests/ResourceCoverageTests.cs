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
            .Concat(PassRoles.All.Select(r => "Role_" + r));

        var missing = needed.Where(k => !english.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "No label for: " + string.Join(", ", missing));
    }
}
