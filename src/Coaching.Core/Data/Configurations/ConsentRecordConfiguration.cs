using Coaching.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        builder.Property(c => c.Purpose).HasMaxLength(50);
        builder.HasOne(c => c.Merchant).WithMany(m => m.ConsentHistory).HasForeignKey(c => c.MerchantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.RecordedBy).WithMany().HasForeignKey(c => c.RecordedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.MerchantId, c.OccurredAt });
    }
}
