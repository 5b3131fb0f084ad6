using Coaching.Core.Diagnostics.Assessments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.LevelName).HasMaxLength(100);
        builder.HasOne(a => a.Merchant).WithMany().HasForeignKey(a => a.MerchantId).OnDelete(DeleteBehavior.Cascade);
        // A version that assessments used can never be deleted.
        builder.HasOne(a => a.Questionnaire).WithMany().HasForeignKey(a => a.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.StartedBy).WithMany().HasForeignKey(a => a.StartedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.CompletedBy).WithMany().HasForeignKey(a => a.CompletedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(a => a.BasedOnAssessmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(a => a.Answers).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.AxisScores).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.MerchantId, a.Status, a.CompletedAt });
        builder.Ignore(a => a.IsCompleted);
    }
}
