using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pass.Web.Data.Configurations;

public sealed class SmsOutboxConfiguration : IEntityTypeConfiguration<SmsOutboxMessage>
{
    public void Configure(EntityTypeBuilder<SmsOutboxMessage> builder)
    {
        builder.ToTable("SmsOutbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Phone).HasMaxLength(20).IsRequired();
        builder.Property(m => m.ClientId).HasMaxLength(100).IsRequired();
        builder.Property(m => m.Text).HasMaxLength(500).IsRequired();
        builder.Property(m => m.Error).HasMaxLength(500);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.CodeInText).HasMaxLength(16);
        builder.HasIndex(m => m.CreatedAt);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
