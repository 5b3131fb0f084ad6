namespace Coaching.Core.FollowUp;

/// <summary>
/// A reminder e-mailed to an advisor about a merchant. The unique key (advisor, merchant, reason, day) makes sure a
/// reminder is never sent twice, even when the app restarts or two instances run the daily job.
/// </summary>
public class ReminderLog
{
    public long Id { get; set; }
    public string AdvisorId { get; set; } = "";
    public int MerchantId { get; set; }

    /// <summary>See <see cref="FollowUpRules.Key"/>.</summary>
    public string Reason { get; set; } = "";

    /// <summary>The day in Europe/Paris the reminder is for.</summary>
    public DateOnly Day { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
