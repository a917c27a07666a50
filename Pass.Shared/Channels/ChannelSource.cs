using System.Text.Json.Serialization;

namespace Pass.Shared.Channels;

[JsonConverter(typeof(JsonStringEnumConverter<ChannelSource>))]
public enum ChannelSource
{
    None,

    /// <summary><c>Pass:Channels:&lt;kind&gt;</c>: until an administrator saves the channel on the page.</summary>
    Configuration,
    Database,
}
