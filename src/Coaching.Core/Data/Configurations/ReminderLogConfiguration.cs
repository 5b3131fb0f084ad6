using Coaching.Core.FollowUp;
using Coaching.Core.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class ReminderLogConfiguration : IEntityTypeConfiguration<ReminderLog>
{
    public void Configure(EntityTypeBuilder<ReminderLog> builder)
    {
        builder.Property(r => r.Reason).HasMaxLength(40);
        builder.HasIndex(r => new { r.AdvisorId, r.MerchantId, r.Reason, r.Day }).IsUnique();
        builder.HasOne<Identity.AppUser>().WithMany().HasForeignKey(r => r.AdvisorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Merchant>().WithMany().HasForeignKey(r => r.MerchantId).OnDelete(DeleteBehavior.Cascade);
    }
}
