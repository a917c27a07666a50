using Pass.Web.Infrastructure;
using Pass.Web.Infrastructure.Cluster;

namespace Pass.Web.Messages;

/// <summary>A person's inbox changed (keyed by their id): their app bar's unread count follows it, on every node.</summary>
public sealed class InboxNotifier(IClusterBus bus) : ChangeNotifier(bus);
