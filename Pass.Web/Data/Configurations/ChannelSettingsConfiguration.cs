using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pass.Web.Data.Configurations;

public sealed class ChannelSettingsConfiguration : IEntityTypeConfiguration<ChannelSettings>
{
    public void Configure(EntityTypeBuilder<ChannelSettings> builder)
    {
        builder.ToTable("Channels");
        builder.HasKey(c => c.Kind);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.AppId).HasMaxLength(Pass.Shared.Channels.ChannelRules.MaxAppIdLength);
        builder.Property(c => c.ProtectedSecret).HasMaxLength(8000);
        builder.Property(c => c.SecretHint).HasMaxLength(100);
        builder.Property(c => c.Scope).HasMaxLength(32);
        builder.Property(c => c.ProviderPublicKey).HasMaxLength(4000);
        builder.Property(c => c.UpdatedBy).HasMaxLength(450);
    }
}
