using Coaching.Core.Clubs;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Data;

public class CoachingDbContext(DbContextOptions<CoachingDbContext> options) : IdentityDbContext<AppUser>(options)
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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CoachingDbContext).Assembly);
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
        PublishedQuestionnaireGuard.Check(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewVersions();
        await PublishedQuestionnaireGuard.CheckAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RenewVersions()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified) continue;
            var version = entry.Metadata.FindProperty("Version");
            if (version is { IsConcurrencyToken: true } && version.ClrType == typeof(Guid))
                entry.Property("Version").CurrentValue = Guid.NewGuid();
        }
    }
}
