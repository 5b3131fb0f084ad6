using System.Globalization;
using Coaching.Core.Documents;
using Coaching.Core.Time;

namespace Coaching.Core.Roadmaps;

/// <summary>How the roadmap writes levels, scores, changes, dates and counts.</summary>
public static partial class RoadmapDocument
{
    public static string? LevelOf(IReadOnlyList<RoadmapLevel> levels, double? score)
    {
        if (score is not { } s) return null;
        var rounded = (int)Math.Round(s, MidpointRounding.AwayFromZero);
        return levels.FirstOrDefault(l => rounded >= l.Min && rounded <= l.Max)?.Name;
    }

    public static string Score(double? score) =>
        score is { } s ? Math.Round(s, MidpointRounding.AwayFromZero).ToString("0", French) : "–";

    public static string Change(double? from, double? to)
    {
        if (from is not { } f || to is not { } t) return "–";
        var change = Math.Round(t, MidpointRounding.AwayFromZero) - Math.Round(f, MidpointRounding.AwayFromZero);
        return change switch
        {
            > 0 => "+" + change.ToString("0", French),
            < 0 => "−" + (-change).ToString("0", French),
            _ => "=",
        };
    }

    public static string LongDate(DateTimeOffset instant) => instant.ToParis().ToString("d MMMM yyyy", French);

    // One date style throughout the document (« 7 décembre 2026 »): the « short » dates of tables and lists use it too.
    public static string ShortDate(DateTimeOffset instant) => LongDate(instant);

    public static string ShortDate(DateOnly date) => date.ToString("d MMMM yyyy", French);

    private static string Points(double points) => points == 1 ? "1 point" : $"{points.ToString("0", French)} points";

    private static string Count(int count, string singular, string? plural = null) =>
        $"{count} {(count > 1 ? plural ?? singular + "s" : singular)}";

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpper(text[0], French) + text[1..];
}
