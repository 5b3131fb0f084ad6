using Coaching.Core.Roadmaps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class IssuedRoadmapConfiguration : IEntityTypeConfiguration<IssuedRoadmap>
{
    public void Configure(EntityTypeBuilder<IssuedRoadmap> builder)
    {
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.Content).IsRequired();
        builder.HasIndex(r => new { r.MerchantId, r.Number }).IsUnique();
        builder.HasOne(r => r.Merchant).WithMany().HasForeignKey(r => r.MerchantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.IssuedBy).WithMany().HasForeignKey(r => r.IssuedById).OnDelete(DeleteBehavior.SetNull);
    }
}
