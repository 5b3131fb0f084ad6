using Coaching.Core.Data;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;

namespace Coaching.Core.Sessions;

public enum SessionMode
{
    InShop = 0,
    Phone = 1,
    Video = 2,
    GroupWorkshop = 3,
}

/// <summary>
/// A coaching session: one merchant, or several for a group workshop (recorded once). Times are stored in UTC.
/// Every edit keeps the previous state as a <see cref="SessionRevision"/>.
/// </summary>
public class CoachingSession : IVersioned
{
    public const int MaxDurationMinutes = 24 * 60;
    public const int NotesLength = 4000;
    public const int NextStepLength = 1000;
    public const int TitleLength = 200;

    public int Id { get; set; }
    public int ClubId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public SessionMode Mode { get; set; }

    /// <summary>Axis codes of the questionnaire worked on, separated by spaces.</summary>
    public string AxisCodes { get; set; } = "";
    public string? Notes { get; set; }
    public string? NextStep { get; set; }
    public DateTimeOffset? NextAppointmentAt { get; set; }

    /// <summary>Stable identifier of the next appointment in calendars (.ics UID); kept when the appointment moves.</summary>
    public Guid CalendarUid { get; set; } = Guid.NewGuid();

    /// <summary>Incremented whenever the appointment changes, so that calendars replace their copy (.ics SEQUENCE).</summary>
    public int CalendarSequence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public AppUser? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedById { get; set; }
    public AppUser? UpdatedBy { get; set; }

    /// <inheritdoc />
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <inheritdoc />
    public uint RowVersion { get; set; }

    public List<SessionMerchant> Merchants { get; set; } = [];
    public List<SessionAdvisor> Advisors { get; set; } = [];
    public List<SessionPlanItem> ProgressedItems { get; set; } = [];
    public List<SessionRevision> Revisions { get; set; } = [];

    public IReadOnlyList<string> AxisCodeList => AxisCodes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public DateTimeOffset EndsAt => StartsAt.AddMinutes(DurationMinutes);

    public static string JoinAxisCodes(IEnumerable<string> codes) =>
        string.Join(' ', codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal));
}

/// <summary>A merchant taking part in a session.</summary>
public class SessionMerchant
{
    public int SessionId { get; set; }
    public CoachingSession? Session { get; set; }
    public int MerchantId { get; set; }
    public Merchant? Merchant { get; set; }
}

/// <summary>An advisor leading a session.</summary>
public class SessionAdvisor
{
    public int SessionId { get; set; }
    public CoachingSession? Session { get; set; }
    public string AdvisorId { get; set; } = "";
    public AppUser? Advisor { get; set; }
}

/// <summary>An action of a participant's plan that the session moved forward.</summary>
public class SessionPlanItem
{
    public int SessionId { get; set; }
    public CoachingSession? Session { get; set; }
    public int PlanItemId { get; set; }
    public ActionPlanItem? PlanItem { get; set; }
}

/// <summary>The state of a session before one of its edits, kept as history.</summary>
public class SessionRevision
{
    public long Id { get; set; }
    public int SessionId { get; set; }
    public DateTimeOffset RevisedAt { get; set; }
    public string? RevisedById { get; set; }
    public AppUser? RevisedBy { get; set; }

    /// <summary>What the edit changed, in French.</summary>
    public string Summary { get; set; } = "";

    /// <summary>The previous state (see <see cref="SessionSnapshot"/>), as JSON.</summary>
    public string PreviousState { get; set; } = "";
}

public static class SessionLabels
{
    public static string Label(this SessionMode mode) => mode switch
    {
        SessionMode.InShop => "En boutique",
        SessionMode.Phone => "Téléphone",
        SessionMode.Video => "Visio",
        SessionMode.GroupWorkshop => "Atelier collectif",
        _ => mode.ToString(),
    };

    public static string Duration(int minutes) => minutes switch
    {
        < 60 => $"{minutes} min",
        _ when minutes % 60 == 0 => $"{minutes / 60} h",
        _ => $"{minutes / 60} h {minutes % 60:00}",
    };
}
