using Coaching.Core.Actions;
using Coaching.Core.Audit;
using Coaching.Core.Clubs;
using Coaching.Core.Coordination;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.FollowUp;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Core.Privacy;
using Coaching.Core.Roadmaps;
using Coaching.Core.Sessions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Data;

public class CoachingDbContext(DbContextOptions<CoachingDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Club> Clubs => Set<Club>();
    public DbSet<Merchant> Merchants => Set<Merchant>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();
    public DbSet<QuestionnaireAxis> QuestionnaireAxes => Set<QuestionnaireAxis>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionOption> QuestionOptions => Set<QuestionOption>();
    public DbSet<MaturityLevel> MaturityLevels => Set<MaturityLevel>();
    public DbSet<RecommendationRule> RecommendationRules => Set<RecommendationRule>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentAnswer> AssessmentAnswers => Set<AssessmentAnswer>();
    public DbSet<AssessmentAxisScore> AssessmentAxisScores => Set<AssessmentAxisScore>();
    public DbSet<CatalogAction> CatalogActions => Set<CatalogAction>();
    public DbSet<CoachingSession> CoachingSessions => Set<CoachingSession>();
    public DbSet<SessionMerchant> SessionMerchants => Set<SessionMerchant>();
    public DbSet<SessionAdvisor> SessionAdvisors => Set<SessionAdvisor>();
    public DbSet<SessionPlanItem> SessionPlanItems => Set<SessionPlanItem>();
    public DbSet<SessionRevision> SessionRevisions => Set<SessionRevision>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<ActionPlanItem> ActionPlanItems => Set<ActionPlanItem>();
    public DbSet<ActionPlanChange> ActionPlanChanges => Set<ActionPlanChange>();
    public DbSet<ReminderLog> ReminderLogs => Set<ReminderLog>();
    public DbSet<IssuedRoadmap> IssuedRoadmaps => Set<IssuedRoadmap>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<PrivacyOperation> PrivacyOperations => Set<PrivacyOperation>();

    /// <summary>The Data Protection key ring shared by all the app's instances (cookies, antiforgery and e-mail tokens).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobLeaseEntry> JobLeases => Set<JobLeaseEntry>();

    /// <summary>State every instance must see, kept in the database rather than in an instance's data folder.</summary>
    public DbSet<ClubLogo> ClubLogos => Set<ClubLogo>();
    public DbSet<SharedSecret> SharedSecrets => Set<SharedSecret>();
    public DbSet<PendingImport> PendingImports => Set<PendingImport>();

    /// <summary>Server-side sign-in sessions (the cookie holds only a key), shared by every instance.</summary>
    public DbSet<UserSession> UserSessions => Set<UserSession>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CoachingDbContext).Assembly);
        RowVersions.ConfigureConcurrencyTokens(builder, Database.UsesXmin());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as UTC date-times so that both SQLite and PostgreSQL can compare and sort them in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewVersions();
        AuditAppendOnlyGuard.Check(this);
        PublishedQuestionnaireGuard.Check(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        AuditAppendOnlyGuard.Check(this);
        await PublishedQuestionnaireGuard.CheckAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RenewVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified) continue;
            var version = entry.Metadata.FindProperty(nameof(IVersioned.Version));
            if (version is { IsConcurrencyToken: true } && version.ClrType == typeof(Guid))
                entry.Property(version).CurrentValue = Guid.NewGuid();
        }
    }
}
