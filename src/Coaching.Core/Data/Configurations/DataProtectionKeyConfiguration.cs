using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    /// <summary>A key's XML is about 1 kB, a few kB when encrypted with a certificate: far above the default 400 characters.</summary>
    public const int XmlLength = 16_000;

    public void Configure(EntityTypeBuilder<DataProtectionKey> builder) => builder.Property(k => k.Xml).HasMaxLength(XmlLength);
}
