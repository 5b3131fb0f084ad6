using Coaching.Core.Clubs;
using Coaching.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coaching.Core.Data.Configurations;

public sealed class CoachingSessionConfiguration : IEntityTypeConfiguration<CoachingSession>
{
    public void Configure(EntityTypeBuilder<CoachingSession> builder)
    {
        builder.Property(s => s.AxisCodes).HasMaxLength(1000);
        builder.Property(s => s.Notes).HasMaxLength(CoachingSession.NotesLength);
        builder.Property(s => s.NextStep).HasMaxLength(CoachingSession.NextStepLength);
        builder.Ignore(s => s.AxisCodeList);
        builder.Ignore(s => s.EndsAt);
        builder.HasOne<Club>().WithMany().HasForeignKey(s => s.ClubId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.CreatedBy).WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(s => s.UpdatedBy).WithMany().HasForeignKey(s => s.UpdatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(s => s.Revisions).WithOne().HasForeignKey(r => r.SessionId).OnDelete(DeleteBehavior.Cascade);
        // Club reports: a filtered population's sessions of the period, and one club's day recomputed (ReportFactsSql).
        builder.HasIndex(s => new { s.ClubId, s.StartsAt, s.Mode, s.DurationMinutes });
        builder.HasIndex(s => s.NextAppointmentAt);
        builder.HasIndex(s => s.CalendarUid).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_CoachingSessions_Duration", "\"DurationMinutes\" BETWEEN 1 AND 1440"));
    }
}

public sealed class SessionMerchantConfiguration : IEntityTypeConfiguration<SessionMerchant>
{
    public void Configure(EntityTypeBuilder<SessionMerchant> builder)
    {
        builder.HasKey(x => new { x.SessionId, x.MerchantId });
        builder.HasOne(x => x.Session).WithMany(s => s.Merchants).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Merchant).WithMany().HasForeignKey(x => x.MerchantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.MerchantId, x.SessionId });
    }
}

public sealed class SessionAdvisorConfiguration : IEntityTypeConfiguration<SessionAdvisor>
{
    public void Configure(EntityTypeBuilder<SessionAdvisor> builder)
    {
        builder.HasKey(x => new { x.SessionId, x.AdvisorId });
        builder.HasOne(x => x.Session).WithMany(s => s.Advisors).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.Advisor).WithMany().HasForeignKey(x => x.AdvisorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.AdvisorId);
    }
}

public sealed class SessionPlanItemConfiguration : IEntityTypeConfiguration<SessionPlanItem>
{
    public void Configure(EntityTypeBuilder<SessionPlanItem> builder)
    {
        builder.HasKey(x => new { x.SessionId, x.PlanItemId });
        builder.HasOne(x => x.Session).WithMany(s => s.ProgressedItems).HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(x => x.PlanItem).WithMany().HasForeignKey(x => x.PlanItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.PlanItemId);
    }
}

public sealed class SessionRevisionConfiguration : IEntityTypeConfiguration<SessionRevision>
{
    public void Configure(EntityTypeBuilder<SessionRevision> builder)
    {
        builder.Property(r => r.Summary).HasMaxLength(1000);
        builder.Property(r => r.PreviousState).HasMaxLength(16000);
        builder.HasOne(r => r.RevisedBy).WithMany().HasForeignKey(r => r.RevisedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.SessionId, r.RevisedAt });
    }
}
