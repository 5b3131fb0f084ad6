using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class AssessmentAnswerConfiguration : IEntityTypeConfiguration<AssessmentAnswer>
{
    public void Configure(EntityTypeBuilder<AssessmentAnswer> builder)
    {
        builder.Property(a => a.QuestionCode).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(a => a.OptionCodes).HasMaxLength(1000);
        builder.Property(a => a.Text).HasMaxLength(AnswerLimits.TextLength);
        builder.Property(a => a.Comment).HasMaxLength(AnswerLimits.CommentLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.AnsweredById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.AssessmentId, a.QuestionCode }).IsUnique();
        builder.Ignore(a => a.SelectedOptions);
    }
}
