using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pass.Shared.Cards;

namespace Pass.Web.Data.Configurations;

public sealed class CardBindingConfiguration : IEntityTypeConfiguration<CardBinding>
{
    public void Configure(EntityTypeBuilder<CardBinding> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.CardNumber).HasMaxLength(20).IsRequired();
        builder.Property(b => b.UserId).HasMaxLength(450).IsRequired();
        builder.Property(b => b.BoundBy).HasMaxLength(450).IsRequired();
        builder.Property(b => b.EndedBy).HasMaxLength(450);
        builder.Property(b => b.AuthorizationId).HasMaxLength(100);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Ignore(b => b.IsActive);
        builder.Ignore(b => b.MaskedNumber);

        // One person per card: the database refuses a second active binding of the same number.
        builder.HasIndex(b => b.CardNumber).IsUnique().HasFilter("\"Status\" = 'Active'").HasDatabaseName("IX_CardBindings_ActiveCard");
        builder.HasIndex(b => new { b.CardNumber, b.BoundAt });
        builder.HasIndex(b => b.UserId);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
