using Microsoft.Extensions.Localization;
using MudBlazor;
using Pass.Web.Client.Resources;

namespace Pass.Web.Client.Localization;

/// <summary>
/// MudBlazor's own texts (pager, filters, dialogs): the translations in PortalText.zh-CN.resx (keys "Mud_" + MudBlazor's key);
/// English has none, so it is always MudBlazor's own.
/// </summary>
public sealed class PassMudLocalizer(IStringLocalizer<PortalText> text) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var found = text["Mud_" + key];
            return found.ResourceNotFound ? base[key] : new LocalizedString(key, found.Value);
        }
    }
}
