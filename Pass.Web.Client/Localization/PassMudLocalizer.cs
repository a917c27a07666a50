using Microsoft.Extensions.Localization;
using MudBlazor;
using Pass.Web.Client.Resources;

namespace Pass.Web.Client.Localization;

/// <summary>MudBlazor's own texts (pager, filters, dialogs) from the portal's resources, falling back to MudBlazor's English.</summary>
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
