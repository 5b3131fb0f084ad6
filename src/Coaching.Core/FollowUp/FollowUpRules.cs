using Coaching.Core.Merchants;

namespace Coaching.Core.FollowUp;

public enum FollowUpReason
{
    OverdueActions = 0,
    NoRecentSession = 1,
    DiagnosticDue = 2,
    UpcomingAppointment = 3,
}

/// <summary>Thresholds of the follow-up lists.</summary>
public sealed record FollowUpSettings(int NoSessionDays, int DiagnosticIntervalMonths, int UpcomingAppointmentDays)
{
    public static readonly FollowUpSettings Default = new(45, 6, 14);
}

/// <summary>What the rules need to know about one merchant.</summary>
public sealed record MerchantFollowUpFacts(
    int MerchantId,
    string BusinessName,
    string? AdvisorId,
    CaseStatus Status,
    DateTimeOffset CreatedAt,
    int OverdueActions,
    DateOnly? OldestOverdueDueDate,
    DateTimeOffset? LastSessionAt,
    DateTimeOffset? LastCompletedDiagnosticAt,
    DateTimeOffset? NextAppointmentAt,
    int? NextAppointmentSessionId);

/// <summary>One line of a follow-up list.</summary>
public sealed record FollowUpItem(MerchantFollowUpFacts Merchant, FollowUpReason Reason, string Detail, DateTimeOffset? When);

/// <summary>
/// Decides which merchants need attention. Pure: the clock and the settings come in as arguments.
/// <list type="bullet">
/// <item>Overdue actions: open actions (à faire, en cours) whose due date is before today in Paris.</item>
/// <item>No recent session: a case being coached (« en accompagnement ») whose last session (already started) is more than
///   N days old, or that never had one and was opened more than N days ago.</item>
/// <item>Diagnostic due: a case being coached whose last completed diagnostic is at least M months old (due on the same
///   day M months later), or that has none.</item>
/// <item>Upcoming appointment: the next appointment set by the merchant's latest session, from now to D days ahead.</item>
/// </list>
/// </summary>
public static class FollowUpRules
{
    public static IReadOnlyList<FollowUpItem> Evaluate(MerchantFollowUpFacts facts, DateTimeOffset now, DateOnly today, FollowUpSettings settings)
    {
        var items = new List<FollowUpItem>();
        if (facts.OverdueActions > 0)
        {
            var detail = facts.OverdueActions == 1 ? "1 action en retard" : $"{facts.OverdueActions} actions en retard";
            items.Add(new FollowUpItem(facts, FollowUpReason.OverdueActions, detail, null));
        }

        var coached = facts.Status == CaseStatus.Coaching;
        if (coached)
        {
            var since = facts.LastSessionAt ?? facts.CreatedAt;
            if (now - since > TimeSpan.FromDays(settings.NoSessionDays))
            {
                var days = (int)Math.Floor((now - since).TotalDays);
                items.Add(new FollowUpItem(facts, FollowUpReason.NoRecentSession,
                    facts.LastSessionAt is null ? $"Aucune séance depuis l'ouverture du dossier ({days} jours)" : $"Dernière séance il y a {days} jours",
                    facts.LastSessionAt));
            }

            if (facts.LastCompletedDiagnosticAt is not { } last)
            {
                items.Add(new FollowUpItem(facts, FollowUpReason.DiagnosticDue, "Aucun diagnostic terminé", null));
            }
            else if (DiagnosticDueOn(last, settings) <= today)
            {
                items.Add(new FollowUpItem(facts, FollowUpReason.DiagnosticDue,
                    $"Dernier diagnostic terminé il y a plus de {settings.DiagnosticIntervalMonths} mois", last));
            }
        }

        if (facts.NextAppointmentAt is { } appointment && appointment >= now && appointment <= now.AddDays(settings.UpcomingAppointmentDays))
            items.Add(new FollowUpItem(facts, FollowUpReason.UpcomingAppointment, "Rendez-vous prévu", appointment));
        return items;
    }

    /// <summary>The Paris day on which a new diagnostic falls due.</summary>
    public static DateOnly DiagnosticDueOn(DateTimeOffset lastCompletedAt, FollowUpSettings settings) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(lastCompletedAt, Time.ParisTime.Zone).DateTime).AddMonths(settings.DiagnosticIntervalMonths);

    public static string Label(this FollowUpReason reason) => reason switch
    {
        FollowUpReason.OverdueActions => "Actions en retard",
        FollowUpReason.NoRecentSession => "Sans séance récente",
        FollowUpReason.DiagnosticDue => "Nouveau diagnostic à prévoir",
        FollowUpReason.UpcomingAppointment => "Rendez-vous à venir",
        _ => reason.ToString(),
    };

    /// <summary>The word stored in the reminder log.</summary>
    public static string Key(this FollowUpReason reason) => reason switch
    {
        FollowUpReason.OverdueActions => "overdue-actions",
        FollowUpReason.NoRecentSession => "no-recent-session",
        FollowUpReason.DiagnosticDue => "diagnostic-due",
        _ => "upcoming-appointment",
    };
}
