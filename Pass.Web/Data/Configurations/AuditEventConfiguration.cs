using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pass.Web.Data.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(48);
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.SubjectUserId).HasMaxLength(450);
        builder.Property(e => e.ClientId).HasMaxLength(100);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(1000);
        builder.Property(e => e.DetailCode).HasConversion<string>().HasMaxLength(48);
        builder.Property(e => e.DetailArgs).HasMaxLength(1000);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.SubjectUserId, e.At });
        builder.HasIndex(e => new { e.Type, e.At });
    }
}
