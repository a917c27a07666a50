using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pass.Shared.QrLogin;

namespace Pass.Web.Data.Configurations;

public sealed class QrSessionConfiguration : IEntityTypeConfiguration<QrSession>
{
    public void Configure(EntityTypeBuilder<QrSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Session).HasMaxLength(QrSession.MaxSessionLength).IsRequired();
        builder.HasIndex(s => s.Session).IsUnique();
        builder.Property(s => s.CodeHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => s.CodeHash).IsUnique();
        builder.Property(s => s.UserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(s => new { s.UserId, s.CreatedAt });
        builder.HasIndex(s => s.CreatedAt);
        builder.Property(s => s.CreatedByClientId).HasMaxLength(100);
        builder.Property(s => s.RedeemedByClientId).HasMaxLength(100);
        builder.Property(s => s.AuthorizationId).HasMaxLength(100);

        // The stored state is the concurrency token: of two redemptions racing, the second's UPDATE matches no row.
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
    }
}
