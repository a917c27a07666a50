using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pass.Shared.Sms;

namespace Pass.Web.Data.Configurations;

public sealed class SmsCodeConfiguration : IEntityTypeConfiguration<SmsCode>
{
    public void Configure(EntityTypeBuilder<SmsCode> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Phone).HasMaxLength(20).IsRequired();
        builder.Property(c => c.ClientId).HasMaxLength(100).IsRequired();
        builder.Property(c => c.TargetUserId).HasMaxLength(450);
        builder.Property(c => c.CodeHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.Phone, c.ClientId, c.CreatedAt });
        builder.HasIndex(c => new { c.ClientId, c.CreatedAt });
    }
}
