using System.Globalization;
using System.Text;
using Coaching.Core.Time;

namespace Coaching.Core.Sessions;

/// <summary>What an appointment invitation says.</summary>
public sealed record AppointmentInvite(
    Guid Uid,
    int Sequence,
    DateTimeOffset StartsAt,
    int DurationMinutes,
    string Summary,
    string? Description,
    string? Location,
    DateTimeOffset Stamp);

/// <summary>
/// Writes an iCalendar file (RFC 5545) for one appointment: local times in Europe/Paris with their VTIMEZONE, the
/// stamp in UTC, CRLF line ends, text escaped and lines folded at 75 octets. The UID stays the same for a session's
/// next appointment, so that a second download replaces the first in the person's calendar.
/// </summary>
public static class AppointmentCalendar
{
    public const string ContentType = "text/calendar";
    public const string TimeZoneId = "Europe/Paris";

    public static string Write(AppointmentInvite invite)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Coaching//Rendez-vous d'accompagnement//FR",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VTIMEZONE",
            "TZID:" + TimeZoneId,
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "TZNAME:CET",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            $"UID:{invite.Uid:D}@coaching",
            "SEQUENCE:" + invite.Sequence.ToString(CultureInfo.InvariantCulture),
            "DTSTAMP:" + Utc(invite.Stamp),
            $"DTSTART;TZID={TimeZoneId}:{Local(invite.StartsAt)}",
            $"DTEND;TZID={TimeZoneId}:{Local(invite.StartsAt.AddMinutes(invite.DurationMinutes))}",
            "SUMMARY:" + Escape(invite.Summary),
        };
        if (!string.IsNullOrWhiteSpace(invite.Description)) lines.Add("DESCRIPTION:" + Escape(invite.Description));
        if (!string.IsNullOrWhiteSpace(invite.Location)) lines.Add("LOCATION:" + Escape(invite.Location));
        lines.Add("STATUS:CONFIRMED");
        lines.Add("TRANSP:OPAQUE");
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");

        var builder = new StringBuilder();
        foreach (var line in lines) builder.Append(Fold(line));
        return builder.ToString();
    }

    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string Local(DateTimeOffset instant) =>
        instant.ToParis().DateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping of RFC 5545 §3.3.11.</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Folds a content line so that no physical line exceeds 75 octets, never splitting a UTF-8 character.</summary>
    public static string Fold(string line)
    {
        var builder = new StringBuilder();
        var octets = 0;
        var limit = 75;
        var index = 0;
        while (index < line.Length)
        {
            var length = char.IsSurrogatePair(line, index) ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(index, length));
            if (octets + size > limit)
            {
                builder.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }
            builder.Append(line, index, length);
            octets += size;
            index += length;
        }
        return builder.Append("\r\n").ToString();
    }
}
