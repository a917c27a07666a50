using Microsoft.AspNetCore.Authentication.OAuth;
using Pass.Shared.Channels;

namespace Pass.Web.Channels;

/// <summary>
/// A channel's OAuth handler options. The app id and secret are not kept here: the handler reads them from
/// <see cref="ChannelDirectory"/> on each request, so an administrator's change holds at once; the placeholders only
/// satisfy <see cref="OAuthOptions.Validate()"/>.
/// </summary>
public sealed class ChannelAuthenticationOptions : OAuthOptions
{
    public ChannelAuthenticationOptions()
    {
        ClientId = "from-the-channels-page";
        ClientSecret = "from-the-channels-page";
    }

    public ChannelKind Kind { get; set; }
}
