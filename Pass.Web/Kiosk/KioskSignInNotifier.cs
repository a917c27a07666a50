using Pass.Web.Infrastructure;
using Pass.Web.Infrastructure.Cluster;

namespace Pass.Web.Kiosk;

/// <summary>A kiosk's request changed (keyed by its device code's entry id): the kiosk's event stream follows it.</summary>
public sealed class KioskSignInNotifier(IClusterBus bus) : ChangeNotifier(bus);
