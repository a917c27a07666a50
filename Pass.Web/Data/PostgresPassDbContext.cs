using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Pass.Web.Data;

/// <summary>
/// The same model on PostgreSQL (<c>Pass:Database:Provider</c> = <c>PostgreSQL</c>), with its own migrations in
/// <c>Data/Migrations/PostgreSql</c>. Times are <c>timestamptz</c>, which PostgreSQL orders and compares itself. It also
/// holds what the nodes of a cluster share: the Data Protection key ring (cookies, antiforgery) and the token keys.
/// </summary>
public sealed class PostgresPassDbContext(DbContextOptions<PostgresPassDbContext> options) : PassDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SharedKey> SharedKeys => Set<SharedKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<SharedKey>(key =>
        {
            key.HasKey(k => k.Name);
            key.Property(k => k.Name).HasMaxLength(64);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
    }
}
