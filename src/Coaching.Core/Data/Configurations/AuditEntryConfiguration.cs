using Coaching.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // No foreign key to the users: erasing an account must not touch the log.
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.EmailHash).HasMaxLength(64);
        builder.Property(e => e.TargetId).HasMaxLength(64);
        builder.Property(e => e.Detail).HasMaxLength(AuditEntry.DetailLength);
        builder.Property(e => e.IpAddress).HasMaxLength(45);
        builder.Property(e => e.CorrelationId).HasMaxLength(100);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.ActorId, e.OccurredAt });
        builder.HasIndex(e => new { e.TargetType, e.TargetId });
        builder.HasIndex(e => e.EmailHash);
    }
}
