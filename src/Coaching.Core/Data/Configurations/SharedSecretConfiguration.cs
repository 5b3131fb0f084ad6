using Coaching.Core.Coordination;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class SharedSecretConfiguration : IEntityTypeConfiguration<SharedSecret>
{
    public void Configure(EntityTypeBuilder<SharedSecret> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(SharedSecret.NameLength);
    }
}
