namespace Pass.Web.Client.Resources;

/// <summary>Marker for the portal's strings: <c>PortalText.resx</c> (English) and <c>PortalText.zh-CN.resx</c>.</summary>
public sealed class PortalText
{
}
