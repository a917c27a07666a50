namespace Pass.Web.Tests.Infrastructure;

/// <summary>
/// Marks a test of the SQLite file itself (WAL, synchronous commits, a copy of the file compared before and after): the
/// PostgreSQL leg of the matrix leaves these out (<c>--filter-not-trait Database=Sqlite</c>); it runs everything else.
/// </summary>
public static class SqliteOnly
{
    public const string Trait = "Database";

    public const string Value = "Sqlite";
}
