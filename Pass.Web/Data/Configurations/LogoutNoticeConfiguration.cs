using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pass.Web.Data.Configurations;

public sealed class LogoutNoticeConfiguration : IEntityTypeConfiguration<LogoutNotice>
{
    public void Configure(EntityTypeBuilder<LogoutNotice> builder)
    {
        builder.ToTable("LogoutNotices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.ClientId).HasMaxLength(200);
        builder.Property(n => n.Uri).HasMaxLength(2000);
        builder.Property(n => n.Issuer).HasMaxLength(2000);
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.SessionId).HasMaxLength(100);
        builder.Property(n => n.LastError).HasMaxLength(200);
        builder.Property(n => n.Reason).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt });
    }
}
