using System.Globalization;

namespace Coaching.Core.Diagnostics.Scoring;

public static class ScoreText
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>A 0–100 score as a whole number, or « – » when there is none.</summary>
    public static string Format(double? score) =>
        score is { } s ? Math.Round(s, MidpointRounding.AwayFromZero).ToString("0", French) : "–";
}
