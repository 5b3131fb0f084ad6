using Coaching.Core.FollowUp;

namespace Coaching.Web.Features.Portfolio;

/// <summary>Thresholds of « Mon portefeuille » and of the daily e-mail reminders (section « FollowUp »).</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>A merchant being coached with no session for more than this many days is listed.</summary>
    public int NoSessionDays { get; set; } = 45;

    /// <summary>A new diagnostic falls due this many months after the last completed one.</summary>
    public int DiagnosticIntervalMonths { get; set; } = 6;

    /// <summary>Appointments from now to this many days ahead are listed as coming.</summary>
    public int UpcomingAppointmentDays { get; set; } = 14;

    /// <summary>Send the daily reminders by e-mail when an SMTP host is configured.</summary>
    public bool EmailReminders { get; set; } = true;

    /// <summary>Hour of the day (Europe/Paris, 0–23) when the daily reminders are sent.</summary>
    public int ReminderHour { get; set; } = 7;

    public FollowUpSettings ToSettings() => new(
        Math.Clamp(NoSessionDays, 1, 3650),
        Math.Clamp(DiagnosticIntervalMonths, 1, 120),
        Math.Clamp(UpcomingAppointmentDays, 1, 365));
}
