using Coaching.Core.Diagnostics.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.Property(q => q.Code).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(q => q.Text).HasMaxLength(QuestionnaireLimits.TextLength);
        builder.Property(q => q.Help).HasMaxLength(QuestionnaireLimits.DescriptionLength);
        builder.Property(q => q.Unit).HasMaxLength(QuestionnaireLimits.UnitLength);
        builder.Property(q => q.ConditionQuestionCode).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(q => q.ConditionOptionCode).HasMaxLength(QuestionnaireLimits.CodeLength);
        // Question codes are unique in a whole version, not only in an axis: answers and conditions refer to them.
        builder.HasIndex(q => new { q.QuestionnaireId, q.Code }).IsUnique();
        builder.HasOne(q => q.Questionnaire).WithMany().HasForeignKey(q => q.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(q => q.OrderedOptions);
        builder.Ignore(q => q.IsScored);
        builder.Ignore(q => q.HasCondition);
        builder.Ignore(q => q.IsChoice);
    }
}
