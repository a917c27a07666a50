using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pass.Shared.Cards;
using Pass.Shared.QrLogin;
using Pass.Web.Data;

namespace Pass.Web.Data;

/// <summary>
/// Identity, OpenIddict's stores and Pass's own tables in one database: this type on SQLite (the single-node default),
/// <see cref="PostgresPassDbContext"/> on PostgreSQL, each with its own migrations.
/// </summary>
public class PassDbContext : IdentityDbContext<ApplicationUser>
{
    public PassDbContext(DbContextOptions<PassDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the provider's own context type, whose migrations are its own.</summary>
    protected PassDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<QrSession> QrSessions => Set<QrSession>();

    public DbSet<CardBinding> CardBindings => Set<CardBinding>();

    public DbSet<ClientProfile> ClientProfiles => Set<ClientProfile>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Pass.Shared.Sms.SmsCode> SmsCodes => Set<Pass.Shared.Sms.SmsCode>();

    public DbSet<SmsOutboxMessage> SmsOutbox => Set<SmsOutboxMessage>();

    public DbSet<LogoutNotice> LogoutNotices => Set<LogoutNotice>();

    public DbSet<Notice> Notices => Set<Notice>();

    public DbSet<NoticeMute> NoticeMutes => Set<NoticeMute>();

    public DbSet<ChannelSettings> Channels => Set<ChannelSettings>();

    public DbSet<KnownDevice> KnownDevices => Set<KnownDevice>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.ApplyConfigurationsFromAssembly(typeof(PassDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks, which sort and compare natively.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetTicksConverter>();
    }
}
