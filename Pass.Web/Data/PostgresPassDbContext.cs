using Microsoft.EntityFrameworkCore;

namespace Pass.Web.Data;

/// <summary>
/// The same model on PostgreSQL (<c>Pass:Database:Provider</c> = <c>PostgreSQL</c>), with its own migrations in
/// <c>Data/Migrations/PostgreSql</c>. Times are <c>timestamptz</c>, which PostgreSQL orders and compares itself.
/// </summary>
public sealed class PostgresPassDbContext(DbContextOptions<PostgresPassDbContext> options) : PassDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
    }
}
