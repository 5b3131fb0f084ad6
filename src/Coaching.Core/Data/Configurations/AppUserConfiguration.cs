using Coaching.Core.Clubs;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.DepartmentCodes).HasMaxLength(400);
        builder.Ignore(u => u.Departments);
        builder.HasOne<Club>().WithMany().HasForeignKey(u => u.ClubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Merchant>().WithMany().HasForeignKey(u => u.MerchantId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(u => u.MerchantId);
    }
}
