using Coaching.Core.Diagnostics.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class QuestionnaireConfiguration : IEntityTypeConfiguration<Questionnaire>
{
    public void Configure(EntityTypeBuilder<Questionnaire> builder)
    {
        builder.Property(q => q.Code).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(q => q.Title).HasMaxLength(QuestionnaireLimits.TitleLength);
        builder.Property(q => q.Description).HasMaxLength(QuestionnaireLimits.DescriptionLength);
        builder.HasIndex(q => new { q.Code, q.Version }).IsUnique();
        builder.HasMany(q => q.Axes).WithOne(a => a.Questionnaire).HasForeignKey(a => a.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Levels).WithOne().HasForeignKey(l => l.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Rules).WithOne().HasForeignKey(r => r.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Questionnaire>().WithMany().HasForeignKey(q => q.DerivedFromId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(q => q.IsEditable);
        builder.Ignore(q => q.AllQuestions);
        builder.Ignore(q => q.OrderedAxes);
    }
}
