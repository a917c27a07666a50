using Pass.Web.Infrastructure;

namespace Pass.Web.Kiosk;

/// <summary>A kiosk's request changed (keyed by its device code's entry id): the kiosk's event stream follows it.</summary>
public sealed class KioskSignInNotifier : ChangeNotifier;
