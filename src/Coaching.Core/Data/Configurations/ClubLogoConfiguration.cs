using Coaching.Core.Clubs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class ClubLogoConfiguration : IEntityTypeConfiguration<ClubLogo>
{
    public void Configure(EntityTypeBuilder<ClubLogo> builder)
    {
        builder.HasKey(l => l.ClubId);
        builder.HasOne<Club>().WithOne().HasForeignKey<ClubLogo>(l => l.ClubId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.ContentType).HasMaxLength(ClubLogo.ContentTypeLength);
    }
}
