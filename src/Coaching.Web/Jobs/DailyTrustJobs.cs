using Coaching.Core.Audit;
using Coaching.Core.Privacy;
using Coaching.Web.Features.Audit;
using Coaching.Web.Features.Privacy;
using Coaching.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Jobs;

/// <summary>
/// Once a day at <see cref="Hour"/> (Europe/Paris), and at start-up: purges the audit entries past their retention and
/// anonymises the case files closed for too long. Scheduled like <see cref="FollowUpReminderService"/>.
/// </summary>
public sealed class DailyTrustJobs(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<AuditOptions> audit, IOptions<PrivacyOptions> privacy, ILogger<DailyTrustJobs> logger)
    : BackgroundService
{
    public const int Hour = 3;

    /// <summary>Name of its lease: one instance purges and anonymises each day.</summary>
    public const string JobName = "daily-trust-jobs";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // Fixed before the run, so that the clock moving on while it runs cannot push the next run a day later.
            var nextRun = DailySchedule.NextRun(clock.GetUtcNow(), Hour);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await DailyJobGate.TryTakeTodaysRunAsync(scope.ServiceProvider, JobName, Hour, stoppingToken))
                    await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Audit purge or automatic anonymisation failed; next attempt tomorrow");
            }
            if (!await DailySchedule.WaitUntilAsync(nextRun, clock, stoppingToken)) return;
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<AuditPurge>().RunAsync(audit.Value.RetentionMonths, cancellationToken);
        if (purged > 0) logger.LogInformation("{Count} audit entries past their retention purged", purged);
        var sessions = await PurgeEndedSessionsAsync(scope.ServiceProvider.GetRequiredService<Coaching.Core.Data.CoachingDbContext>(), clock.GetUtcNow(), cancellationToken);
        if (sessions > 0) logger.LogInformation("{Count} expired or ended sign-in sessions purged", sessions);
        var anonymised = await scope.ServiceProvider.GetRequiredService<ClosedCaseAnonymisation>().RunAsync(privacy.Value.AnonymiseClosedAfterYears, cancellationToken);
        if (anonymised.Count == 0) return;
        logger.LogInformation("{Count} closed case files anonymised", anonymised.Count);
        await SqliteFiles.TruncateWalAsync(scope.ServiceProvider.GetRequiredService<Coaching.Core.Data.CoachingDbContext>(), cancellationToken);
    }

    /// <summary>Deletes the sessions past their expiry and those of accounts deactivated or given a new security stamp.</summary>
    public static Task<int> PurgeEndedSessionsAsync(Coaching.Core.Data.CoachingDbContext db, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.UserSessions
            .Where(s => s.ExpiresAt <= now || db.Users.Any(u => u.Id == s.UserId && (!u.IsActive || u.SecurityStamp != s.SecurityStamp)))
            .ExecuteDeleteAsync(cancellationToken);
}
