using Coaching.Core.Diagnostics.Scoring;

namespace Coaching.Web.Features.Diagnostics;

public static class ScoreFormat
{
    /// <summary>A 0–100 score as a whole number, or « – » when there is none.</summary>
    public static string Score(double? score) => ScoreText.Format(score);
}
