using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pass.Web.Data.Configurations;

public sealed class NoticeMuteConfiguration : IEntityTypeConfiguration<NoticeMute>
{
    public void Configure(EntityTypeBuilder<NoticeMute> builder)
    {
        builder.ToTable("NoticeMutes");
        builder.HasKey(m => new { m.UserId, m.ClientId });
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.ClientId).HasMaxLength(200);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
