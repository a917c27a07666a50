namespace Pass.Web.Data;

/// <summary>SQLite's <c>synchronous</c> setting under WAL, by what a commit must survive.</summary>
public enum Durability
{
    /// <summary>A killed process (SQLite <c>synchronous=NORMAL</c>).</summary>
    Normal,

    /// <summary>A power cut or kernel crash as well (SQLite <c>synchronous=FULL</c>).</summary>
    Full,
}
