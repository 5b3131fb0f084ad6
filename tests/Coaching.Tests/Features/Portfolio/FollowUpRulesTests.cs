using Coaching.Core.FollowUp;
using Coaching.Core.Merchants;
using Coaching.Core.Time;
using Coaching.Web.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace Coaching.Tests.Features.Portfolio;

public sealed class FollowUpRulesTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    private static MerchantFollowUpFacts Facts(
        CaseStatus status = CaseStatus.Coaching, int overdue = 0, DateTimeOffset? lastSession = null, DateTimeOffset? lastDiagnostic = null,
        DateTimeOffset? next = null, DateTimeOffset? created = null) =>
        new(1, "Boulangerie", "a", status, created ?? Clock.GetUtcNow().AddDays(-10), overdue, null, lastSession, lastDiagnostic ?? Clock.GetUtcNow().AddDays(-10), next, next is null ? null : 7);

    private static IReadOnlyList<FollowUpReason> Reasons(MerchantFollowUpFacts facts) =>
        FollowUpRules.Evaluate(facts, Clock.GetUtcNow(), Clock.TodayInParis(), FollowUpSettings.Default).Select(i => i.Reason).ToList();

    [Fact]
    public void Nothing_to_do_for_a_merchant_seen_recently()
    {
        Assert.Empty(Reasons(Facts(lastSession: Clock.GetUtcNow().AddDays(-3))));
    }

    [Fact]
    public void Overdue_actions_are_listed()
    {
        Assert.Contains(FollowUpReason.OverdueActions, Reasons(Facts(overdue: 2, lastSession: Clock.GetUtcNow())));
    }

    [Fact]
    public void No_session_for_more_than_45_days_is_listed_and_45_days_exactly_is_not()
    {
        Assert.DoesNotContain(FollowUpReason.NoRecentSession, Reasons(Facts(lastSession: Clock.GetUtcNow().AddDays(-45))));
        Assert.Contains(FollowUpReason.NoRecentSession, Reasons(Facts(lastSession: Clock.GetUtcNow().AddDays(-45).AddMinutes(-1))));
        Assert.Contains(FollowUpReason.NoRecentSession, Reasons(Facts(created: Clock.GetUtcNow().AddDays(-60))));
        Assert.DoesNotContain(FollowUpReason.NoRecentSession, Reasons(Facts(status: CaseStatus.Finished, created: Clock.GetUtcNow().AddDays(-60))));
    }

    [Fact]
    public void A_new_diagnostic_is_due_six_months_after_the_last_one()
    {
        var last = new DateTimeOffset(2026, 5, 28, 15, 0, 0, TimeSpan.Zero);
        Assert.Contains(FollowUpReason.DiagnosticDue, Reasons(Facts(lastSession: Clock.GetUtcNow(), lastDiagnostic: last)));
        Assert.DoesNotContain(FollowUpReason.DiagnosticDue, Reasons(Facts(lastSession: Clock.GetUtcNow(), lastDiagnostic: last.AddDays(1))));
        Assert.Equal(new DateOnly(2026, 11, 28), FollowUpRules.DiagnosticDueOn(last, FollowUpSettings.Default));
    }

    [Fact]
    public void Appointments_in_the_coming_14_days_are_listed()
    {
        var now = Clock.GetUtcNow();
        Assert.Contains(FollowUpReason.UpcomingAppointment, Reasons(Facts(lastSession: now, next: now.AddDays(14))));
        Assert.DoesNotContain(FollowUpReason.UpcomingAppointment, Reasons(Facts(lastSession: now, next: now.AddDays(15))));
        Assert.DoesNotContain(FollowUpReason.UpcomingAppointment, Reasons(Facts(lastSession: now, next: now.AddMinutes(-1))));
    }

    [Fact]
    public void The_daily_job_waits_until_the_next_reminder_hour_in_paris()
    {
        // 09:00 UTC on 28/11 is 10:00 in Paris: the next 07:00 is tomorrow 06:00 UTC.
        Assert.Equal(TimeSpan.FromHours(21), DailySchedule.DelayUntilNextRun(Clock.GetUtcNow(), 7));
        // In summer Paris is UTC+2: 04:00 UTC is 06:00, one hour before 07:00.
        Assert.Equal(TimeSpan.FromHours(1), DailySchedule.DelayUntilNextRun(new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero), 7));
    }
}
