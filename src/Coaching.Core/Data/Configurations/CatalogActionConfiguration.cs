using Coaching.Core.Actions;
using Coaching.Core.Diagnostics.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class CatalogActionConfiguration : IEntityTypeConfiguration<CatalogAction>
{
    public void Configure(EntityTypeBuilder<CatalogAction> builder)
    {
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Code).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(a => a.Title).HasMaxLength(QuestionnaireLimits.TitleLength);
        builder.Property(a => a.AxisCode).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(a => a.Description).HasMaxLength(CatalogAction.DescriptionLength);
        builder.Property(a => a.Resources).HasMaxLength(CatalogAction.ResourcesLength);
        builder.HasOne(a => a.UpdatedBy).WithMany().HasForeignKey(a => a.UpdatedById).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(a => a.ResourceList);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_CatalogActions_Effort", "\"Effort\" BETWEEN 1 AND 3");
            t.HasCheckConstraint("CK_CatalogActions_Impact", "\"Impact\" BETWEEN 1 AND 3");
        });
    }
}
