using System.Text;
using Coaching.Core.Data;
using Coaching.Core.FollowUp;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Coaching.Core.Time;
using Coaching.Web.Features.Portfolio;
using Coaching.Web.Email;
using Coaching.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Coaching.Web.French;

namespace Coaching.Web.Jobs;

/// <summary>
/// Sends each advisor one e-mail listing the merchants of their caseload that need attention today. Each (advisor,
/// merchant, reason, day) is written to <see cref="ReminderLog"/> before sending, under a unique key, so that no reminder
/// goes out twice even after a restart; the rows are removed again if the e-mail could not be sent, to retry later.
/// </summary>
public sealed class FollowUpReminderJob(
    CoachingDbContext db,
    FollowUpQuery followUp,
    IEmailSender email,
    TimeProvider clock,
    IOptions<SmtpOptions> smtp,
    IOptions<FollowUpOptions> options,
    IOptions<CoachingOptions> coaching,
    ILogger<FollowUpReminderJob> logger)
{
    /// <summary>E-mail reminders go out only when an SMTP host is configured; otherwise « Mon portefeuille » is the reminder.</summary>
    public bool Enabled => options.Value.EmailReminders && !string.IsNullOrWhiteSpace(smtp.Value.Host);

    /// <summary>Runs today's reminders; returns how many e-mails were sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (!Enabled) return 0;
        var today = clock.TodayInParis();
        var advisorRoleId = await db.Roles.Where(r => r.Name == Roles.Advisor).Select(r => r.Id).SingleOrDefaultAsync(cancellationToken);
        var advisors = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == advisorRoleId))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.ClubId })
            .ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var advisor in advisors)
        {
            var caseload = db.Merchants.Where(m => m.ClubId == advisor.ClubId && m.AssignedAdvisorId == advisor.Id);
            var items = (await followUp.EvaluateAsync(caseload, cancellationToken)).SelectMany(f => f.Items).ToList();
            if (items.Count == 0) continue;

            var already = await db.ReminderLogs.AsNoTracking()
                .Where(r => r.AdvisorId == advisor.Id && r.Day == today)
                .Select(r => new { r.MerchantId, r.Reason })
                .ToListAsync(cancellationToken);
            var fresh = items.Where(i => !already.Any(a => a.MerchantId == i.Merchant.MerchantId && a.Reason == i.Reason.Key())).ToList();
            if (fresh.Count == 0) continue;

            var logs = fresh.Select(i => new ReminderLog
            {
                AdvisorId = advisor.Id, MerchantId = i.Merchant.MerchantId, Reason = i.Reason.Key(), Day = today, SentAt = clock.GetUtcNow(),
            }).ToList();
            db.ReminderLogs.AddRange(logs);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance claimed these reminders first: it sends them.
                db.ChangeTracker.Clear();
                continue;
            }

            try
            {
                await email.SendAsync(advisor.Email!, Subject(fresh.Count), Body(advisor.DisplayName, fresh), cancellationToken);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "Follow-up reminder to {Advisor} not sent; it will be retried", advisor.Id);
                db.ReminderLogs.RemoveRange(logs);
                await db.SaveChangesAsync(CancellationToken.None);
            }
            db.ChangeTracker.Clear();
        }
        return sent;
    }

    private static string Subject(int count) =>
        count == 1 ? "Suivi de vos commerçants : 1 point à voir aujourd'hui" : $"Suivi de vos commerçants : {count} points à voir aujourd'hui";

    private string Body(string name, IReadOnlyList<FollowUpItem> items)
    {
        var text = new StringBuilder();
        text.AppendLine($"Bonjour {name},").AppendLine();
        text.AppendLine("Voici les commerçants de votre portefeuille qui demandent votre attention aujourd'hui.").AppendLine();
        foreach (var group in items.GroupBy(i => i.Reason).OrderBy(g => g.Key))
        {
            text.AppendLine(group.Key.Label() + " :");
            foreach (var item in group.OrderBy(i => i.When ?? DateTimeOffset.MaxValue).ThenBy(i => i.Merchant.BusinessName, StringComparer.CurrentCulture))
            {
                var when = item.Reason == FollowUpReason.UpcomingAppointment && item.When is { } at ? " – " + at.ToParisDateTime() : "";
                text.AppendLine($"  - {item.Merchant.BusinessName} : {item.Detail}{when}");
            }
            text.AppendLine();
        }
        var baseUrl = coaching.Value.PublicBaseUrl?.TrimEnd('/');
        text.AppendLine(baseUrl is null ? "Retrouvez ces listes dans « Mon portefeuille »." : $"Retrouvez ces listes dans « Mon portefeuille » : {baseUrl}/portefeuille");
        return text.ToString();
    }
}

/// <summary>Runs <see cref="FollowUpReminderJob"/> once a day at the configured hour (Europe/Paris), and at start-up if that hour has passed.</summary>
public sealed class FollowUpReminderService(IServiceScopeFactory scopes, TimeProvider clock, IOptions<FollowUpOptions> options, ILogger<FollowUpReminderService> logger)
    : BackgroundService
{
    /// <summary>Name of its lease: one instance sends each day's reminders (<see cref="ReminderLog"/>'s unique key stays as a second guard).</summary>
    public const string JobName = "follow-up-reminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runNow = clock.GetUtcNow().ToParis().Hour >= Hour;
        while (!stoppingToken.IsCancellationRequested)
        {
            var nextRun = DailySchedule.NextRun(clock.GetUtcNow(), Hour);
            if (runNow)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var job = scope.ServiceProvider.GetRequiredService<FollowUpReminderJob>();
                    if (job.Enabled && await DailyJobGate.TryTakeTodaysRunAsync(scope.ServiceProvider, JobName, Hour, stoppingToken))
                    {
                        var sent = await job.RunAsync(stoppingToken);
                        if (sent > 0) logger.LogInformation("{Count} follow-up reminder e-mails sent", sent);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogError(exception, "Follow-up reminders failed; next attempt tomorrow");
                }
            }
            runNow = true;
            if (!await DailySchedule.WaitUntilAsync(nextRun, clock, stoppingToken)) return;
        }
    }

    private int Hour => Math.Clamp(options.Value.ReminderHour, 0, 23);
}
