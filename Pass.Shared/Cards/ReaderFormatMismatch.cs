namespace Pass.Shared.Cards;

/// <summary>What a typed number looks like when it does not look like what the configured reader types.</summary>
public enum ReaderFormatMismatch
{
    /// <summary>Hex letters, a <c>0x</c> prefix or byte pairs (<c>11:22:33:44</c>) typed at a decimal or Wiegand desk.</summary>
    LooksHex,

    /// <summary>Only digits, a decimal UID's length, typed at a hex desk where they are not a UID.</summary>
    LooksDecimal,
}
