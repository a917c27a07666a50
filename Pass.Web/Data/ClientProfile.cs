using Pass.Shared.Cards;

namespace Pass.Web.Data;

/// <summary>What Pass knows of an OAuth client beyond OpenIddict's application: its card reader and whether it is switched off.</summary>
public sealed class ClientProfile
{
    public string ClientId { get; set; } = "";

    /// <summary>What this terminal's card reader types; null when the client does not read cards.</summary>
    public CardReaderFormat? ReaderFormat { get; set; }

    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
