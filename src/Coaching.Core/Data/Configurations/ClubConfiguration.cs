using Coaching.Core.Clubs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class ClubConfiguration : IEntityTypeConfiguration<Club>
{
    public void Configure(EntityTypeBuilder<Club> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.RegionCode).HasMaxLength(3);
        builder.Property(c => c.ContactEmail).HasMaxLength(254);
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.Property(c => c.Website).HasMaxLength(300);
        builder.Property(c => c.LegacyLogoFileName).HasColumnName("LogoFileName").HasMaxLength(100);
    }
}
