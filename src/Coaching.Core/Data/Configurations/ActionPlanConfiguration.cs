using Coaching.Core.Actions;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.HasOne(p => p.Merchant).WithMany().HasForeignKey(p => p.MerchantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Assessment>().WithMany().HasForeignKey(p => p.ProposedFromAssessmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Items).WithOne(i => i.Plan).HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Changes).WithOne().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.MerchantId).IsUnique();
        builder.Ignore(p => p.OrderedItems);
    }
}

public sealed class ActionPlanItemConfiguration : IEntityTypeConfiguration<ActionPlanItem>
{
    public void Configure(EntityTypeBuilder<ActionPlanItem> builder)
    {
        builder.Property(i => i.ActionCode).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(i => i.ProgressNotes).HasMaxLength(ActionPlanItem.NotesLength);
        builder.Property(i => i.Reason).HasMaxLength(ActionPlanItem.ReasonLength);
        builder.HasOne<CatalogAction>().WithMany().HasForeignKey(i => i.ActionCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.PlanId, i.Position });
        builder.HasIndex(i => new { i.Status, i.DueDate });
        // Club reports: recomputing the actions done on a day (ReportFactsSql.RefreshActionDays).
        builder.HasIndex(i => new { i.Status, i.CompletedAt });
        builder.HasIndex(i => new { i.PlanId, i.Status, i.DueDate, i.CompletedAt });
        builder.Ignore(i => i.IsOpen);
    }
}

public sealed class ActionPlanChangeConfiguration : IEntityTypeConfiguration<ActionPlanChange>
{
    public void Configure(EntityTypeBuilder<ActionPlanChange> builder)
    {
        builder.Property(c => c.ActionCode).HasMaxLength(QuestionnaireLimits.CodeLength);
        builder.Property(c => c.Summary).HasMaxLength(2000);
        builder.HasOne(c => c.Actor).WithMany().HasForeignKey(c => c.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.PlanId, c.OccurredAt });
    }
}
