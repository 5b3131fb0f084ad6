using Coaching.Core.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.Property(e => e.Summary).HasMaxLength(2000);
        builder.HasOne(e => e.Merchant).WithMany(m => m.Events).HasForeignKey(e => e.MerchantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.MerchantId, e.OccurredAt });
    }
}
