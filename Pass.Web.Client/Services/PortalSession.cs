namespace Pass.Web.Client.Services;

/// <summary>
/// Whether the portal's sign-in still holds. Any API answer of 401 to a signed-in page means it ended elsewhere (signed
/// out in another tab, locked or reset by an administrator, expired); the layout then says so instead of failing silently.
/// </summary>
public sealed class PortalSession
{
    public bool HasEnded { get; private set; }

    public event Action? Ended;

    public void MarkEnded()
    {
        if (HasEnded)
        {
            return;
        }

        HasEnded = true;
        Ended?.Invoke();
    }
}
