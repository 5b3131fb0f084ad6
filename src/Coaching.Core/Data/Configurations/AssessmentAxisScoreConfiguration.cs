using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class AssessmentAxisScoreConfiguration : IEntityTypeConfiguration<AssessmentAxisScore>
{
    public void Configure(EntityTypeBuilder<AssessmentAxisScore> builder)
    {
        builder.Property(s => s.AxisCode).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(s => s.AxisTitle).HasMaxLength(QuestionnaireLimits.TitleLength);
        builder.HasIndex(s => new { s.AssessmentId, s.AxisCode }).IsUnique();
        builder.HasIndex(s => s.AxisCode);
    }
}
