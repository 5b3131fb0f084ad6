using Coaching.Core.Coordination;
using Coaching.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.FileName).HasMaxLength(PendingImport.FileNameLength);
        builder.HasIndex(p => p.CreatedAt);
    }
}
