using Coaching.Core.Diagnostics.Questionnaires;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class QuestionOptionConfiguration : IEntityTypeConfiguration<QuestionOption>
{
    public void Configure(EntityTypeBuilder<QuestionOption> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(o => o.Label).HasMaxLength(QuestionnaireLimits.TitleLength);
        builder.HasIndex(o => new { o.QuestionId, o.Code }).IsUnique();
    }
}
