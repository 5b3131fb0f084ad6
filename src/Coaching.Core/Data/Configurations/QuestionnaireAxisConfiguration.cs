using Coaching.Core.Diagnostics.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class QuestionnaireAxisConfiguration : IEntityTypeConfiguration<QuestionnaireAxis>
{
    public void Configure(EntityTypeBuilder<QuestionnaireAxis> builder)
    {
        builder.ToTable("QuestionnaireAxes");
        builder.Property(a => a.Code).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(a => a.Title).HasMaxLength(QuestionnaireLimits.TitleLength);
        builder.Property(a => a.Description).HasMaxLength(QuestionnaireLimits.DescriptionLength);
        builder.HasIndex(a => new { a.QuestionnaireId, a.Code }).IsUnique();
        builder.HasMany(a => a.Questions).WithOne(q => q.Axis).HasForeignKey(q => q.AxisId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.OrderedQuestions);
    }
}
