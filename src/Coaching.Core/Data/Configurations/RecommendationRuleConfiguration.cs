using Coaching.Core.Diagnostics.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class RecommendationRuleConfiguration : IEntityTypeConfiguration<RecommendationRule>
{
    public void Configure(EntityTypeBuilder<RecommendationRule> builder)
    {
        builder.Property(r => r.AxisCode).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(r => r.QuestionCode).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(r => r.OptionCode).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(r => r.ActionCode).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.HasIndex(r => new { r.QuestionnaireId, r.Position });
    }
}
