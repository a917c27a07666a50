using System.Text.Json.Serialization;

namespace Pass.Web.Infrastructure.Cluster;

/// <summary>What travels on the bus: an id (for acknowledgements; empty on the change feed), the sender, a topic and its text.</summary>
internal sealed record BusMessage(string Id, string From, string Topic, string Body);

[JsonSerializable(typeof(BusMessage))]
internal sealed partial class BusMessageJson : JsonSerializerContext;
