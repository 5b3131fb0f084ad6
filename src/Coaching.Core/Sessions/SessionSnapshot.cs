using System.Text.Json;

namespace Coaching.Core.Sessions;

/// <summary>A readable copy of a session's content, stored in its revisions and compared to describe an edit.</summary>
public sealed record SessionSnapshot(
    DateTimeOffset StartsAt,
    int DurationMinutes,
    SessionMode Mode,
    IReadOnlyList<string> Merchants,
    IReadOnlyList<string> Advisors,
    IReadOnlyList<string> Axes,
    string? Notes,
    IReadOnlyList<string> ProgressedActions,
    string? NextStep,
    DateTimeOffset? NextAppointmentAt)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SessionSnapshot? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SessionSnapshot>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>French names of the parts that differ between two states, in form order.</summary>
    public static IReadOnlyList<string> Differences(SessionSnapshot before, SessionSnapshot after)
    {
        var changes = new List<string>();
        if (before.StartsAt != after.StartsAt) changes.Add("date et heure");
        if (before.DurationMinutes != after.DurationMinutes) changes.Add("durée");
        if (before.Mode != after.Mode) changes.Add("modalité");
        if (!SameSet(before.Merchants, after.Merchants)) changes.Add("commerçants");
        if (!SameSet(before.Advisors, after.Advisors)) changes.Add("conseillers");
        if (!SameSet(before.Axes, after.Axes)) changes.Add("axes travaillés");
        if ((before.Notes ?? "") != (after.Notes ?? "")) changes.Add("notes");
        if (!SameSet(before.ProgressedActions, after.ProgressedActions)) changes.Add("actions avancées");
        if ((before.NextStep ?? "") != (after.NextStep ?? "")) changes.Add("prochaine étape");
        if (before.NextAppointmentAt != after.NextAppointmentAt) changes.Add("prochain rendez-vous");
        return changes;
    }

    private static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal), StringComparer.Ordinal);
}
