using Coaching.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(UserSession.IdLength).ValueGeneratedNever();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.SecurityStamp).HasMaxLength(UserSession.SecurityStampLength);
        builder.Property(s => s.UserAgent).HasMaxLength(UserSession.UserAgentLength);
        builder.Property(s => s.IpAddress).HasMaxLength(UserSession.AddressLength);
        builder.HasIndex(s => s.ExpiresAt);
    }
}
