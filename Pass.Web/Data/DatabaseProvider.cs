namespace Pass.Web.Data;

/// <summary>Which engine holds the data (<c>Pass:Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file in the data folder: one node, nothing to install.</summary>
    Sqlite,

    /// <summary>A shared PostgreSQL server (<c>ConnectionStrings:Pass</c>): several nodes.</summary>
    PostgreSql,
}
