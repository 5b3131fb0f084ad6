using Coaching.Core.Coordination;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class JobLeaseEntryConfiguration : IEntityTypeConfiguration<JobLeaseEntry>
{
    public void Configure(EntityTypeBuilder<JobLeaseEntry> builder)
    {
        builder.HasKey(l => l.JobName);
        builder.Property(l => l.JobName).HasMaxLength(JobLeaseEntry.JobNameLength);
        builder.Property(l => l.Holder).HasMaxLength(JobLeaseEntry.HolderLength);
    }
}
