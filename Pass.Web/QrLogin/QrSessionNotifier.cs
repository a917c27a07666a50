using Pass.Web.Infrastructure;
using Pass.Web.Infrastructure.Cluster;

namespace Pass.Web.QrLogin;

/// <summary>A QR session changed (keyed by session id): its creator's page and the administrators' board follow it.</summary>
public sealed class QrSessionNotifier(IClusterBus bus) : ChangeNotifier(bus);
