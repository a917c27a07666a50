using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pass.Web.Data.Configurations;

public sealed class ClientProfileConfiguration : IEntityTypeConfiguration<ClientProfile>
{
    public void Configure(EntityTypeBuilder<ClientProfile> builder)
    {
        builder.HasKey(c => c.ClientId);
        builder.Property(c => c.ClientId).HasMaxLength(100);
        builder.Property(c => c.ReaderFormat).HasConversion<string>().HasMaxLength(32);
    }
}
