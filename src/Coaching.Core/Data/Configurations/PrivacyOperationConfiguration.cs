using Coaching.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class PrivacyOperationConfiguration : IEntityTypeConfiguration<PrivacyOperation>
{
    public void Configure(EntityTypeBuilder<PrivacyOperation> builder)
    {
        builder.Property(o => o.Reason).HasMaxLength(PrivacyOperation.ReasonLength);
        builder.HasOne(o => o.Actor).WithMany().HasForeignKey(o => o.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(o => o.OccurredAt);
        builder.HasIndex(o => o.MerchantId);
    }
}
