namespace Pass.Shared.Channels;

/// <summary>An outside account linked to a person, as My account lists it.</summary>
/// <param name="Provider">The login provider (<see cref="ChannelProvider"/>).</param>
/// <param name="Name">The name the provider gave (a WeChat nickname), or the masked account id.</param>
public sealed record LinkedAccountView(string Provider, string Key, string Name);
