using System.Text;
using Coaching.Core.Sessions;
using Coaching.Web.French;

namespace Coaching.Tests.Features.Sessions;

public sealed class AppointmentCalendarTests
{
    private static readonly Guid Uid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    private static string Write(DateTimeOffset start, string summary = "Rendez-vous d'accompagnement – Boulangerie Martin", string? description = null) =>
        AppointmentCalendar.Write(new AppointmentInvite(Uid, 2, start, 90, summary, description, "Boulangerie Martin, 3 rue du Port, 33000 Bordeaux",
            new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.Zero)));

    [Fact]
    public void Writes_paris_local_times_with_their_timezone_and_a_utc_stamp()
    {
        var winter = Write(new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.Zero));
        Assert.Contains("DTSTART;TZID=Europe/Paris:20261203T140000\r\n", winter);
        Assert.Contains("DTEND;TZID=Europe/Paris:20261203T153000\r\n", winter);
        Assert.Contains("DTSTAMP:20261128T093000Z\r\n", winter);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n", winter);

        var summer = Write(new DateTimeOffset(2027, 7, 1, 13, 0, 0, TimeSpan.Zero));
        Assert.Contains("DTSTART;TZID=Europe/Paris:20270701T150000\r\n", summer);
    }

    [Fact]
    public void Has_a_stable_uid_a_sequence_and_crlf_line_ends()
    {
        var ics = Write(new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.Zero));
        Assert.Contains("UID:0f8fad5b-d9cb-469f-a165-70867728950e@coaching\r\n", ics);
        Assert.Contains("SEQUENCE:2\r\n", ics);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", ics);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Escapes_text_and_folds_long_lines_at_75_octets_without_splitting_characters()
    {
        var ics = Write(new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.Zero),
            summary: "Séance; bilan, et « suite » " + new string('é', 80), description: "Ligne 1\nLigne 2 \\ fin");
        Assert.Contains("SUMMARY:Séance\\; bilan\\, et « suite »", ics);
        Assert.Contains("DESCRIPTION:Ligne 1\\nLigne 2 \\\\ fin", ics);
        foreach (var line in ics.Split("\r\n"))
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains(new string('é', 80), unfolded);
    }

    [Fact]
    public void Paris_input_refuses_the_hour_skipped_by_summer_time()
    {
        Assert.False(ParisInput.TryParseDateTime("2027-03-28T02:30", out _, out var error));
        Assert.Contains("heure d'été", error);
        Assert.True(ParisInput.TryParseDateTime("28/11/2026 14:30", out var utc, out _));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 13, 30, 0, TimeSpan.Zero), utc);
    }
}
