using Coaching.Core.Diagnostics.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class MaturityLevelConfiguration : IEntityTypeConfiguration<MaturityLevel>
{
    public void Configure(EntityTypeBuilder<MaturityLevel> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(QuestionnaireLimits.NameLength);
        builder.Property(l => l.Description).HasMaxLength(QuestionnaireLimits.DescriptionLength);
        builder.HasIndex(l => new { l.QuestionnaireId, l.MinScore });
    }
}
