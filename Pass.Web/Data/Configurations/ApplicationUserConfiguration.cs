using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pass.Web.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.StaffNumber).HasMaxLength(64);
        builder.HasIndex(u => u.StaffNumber).IsUnique().HasFilter("\"StaffNumber\" IS NOT NULL");
        // One person per phone (E.164): an SMS code names exactly one account.
        builder.HasIndex(u => u.PhoneNumber).IsUnique().HasFilter("\"PhoneNumber\" IS NOT NULL");
        builder.HasIndex(u => u.DisplayName);
        // People are searched and sorted on the normalized columns (NormalizedEmail has Identity's index).
        builder.Property(u => u.DisplayName).HasField("_displayName").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(u => u.NormalizedDisplayName).HasMaxLength(200);
        builder.HasIndex(u => u.NormalizedDisplayName);
    }
}
