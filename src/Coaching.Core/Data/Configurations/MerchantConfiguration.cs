using Coaching.Core.Clubs;
using Coaching.Core.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class MerchantConfiguration : IEntityTypeConfiguration<Merchant>
{
    public void Configure(EntityTypeBuilder<Merchant> builder)
    {
        builder.Property(m => m.BusinessName).HasMaxLength(200);
        builder.Property(m => m.Siret).HasMaxLength(14);
        builder.Property(m => m.NafCode).HasMaxLength(6);
        builder.Property(m => m.Postcode).HasMaxLength(5);
        builder.Property(m => m.CommuneCode).HasMaxLength(5);
        builder.Property(m => m.CommuneName).HasMaxLength(100);
        builder.Property(m => m.DepartmentCode).HasMaxLength(3);
        builder.Property(m => m.RegionCode).HasMaxLength(3);
        builder.Property(m => m.ContactName).HasMaxLength(200);
        builder.Property(m => m.Email).HasMaxLength(254);
        builder.Property(m => m.Phone).HasMaxLength(20);
        builder.Property(m => m.SearchText).HasMaxLength(600);

        builder.HasOne<Club>().WithMany().HasForeignKey(m => m.ClubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.AssignedAdvisor).WithMany().HasForeignKey(m => m.AssignedAdvisorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(m => m.ConsentRecordedBy).WithMany().HasForeignKey(m => m.ConsentRecordedById).OnDelete(DeleteBehavior.SetNull);

        builder.HasIndex(m => new { m.ClubId, m.Siret }).IsUnique();
        builder.HasIndex(m => new { m.ClubId, m.AssignedAdvisorId, m.Status });
        builder.HasIndex(m => new { m.ClubId, m.DepartmentCode });
        builder.HasIndex(m => m.BusinessName);
    }
}
