using Coaching.Core.Diagnostics.Scoring;
using Coaching.Core.Merchants;

namespace Coaching.Core.Diagnostics.Assessments;

public static class AssessmentCompletion
{
    /// <summary>
    /// Freezes the scores of a completed assessment (overall, level, one row per axis code) and returns the timeline
    /// entry that says so; the caller adds both to the context.
    /// </summary>
    public static CaseEvent Complete(this Assessment assessment, MaturityScore score, string? userId, DateTimeOffset at)
    {
        assessment.Status = AssessmentStatus.Completed;
        assessment.CompletedAt = at;
        assessment.CompletedById = userId;
        assessment.UpdatedAt = at;
        assessment.OverallScore = score.Overall;
        assessment.LevelName = score.Level?.Name;
        assessment.AxisScores.AddRange(score.Axes.Select((axis, i) => new AssessmentAxisScore
        {
            AxisCode = axis.Code, AxisTitle = axis.Title, Position = i, Score = axis.Score,
        }));
        return Timeline.Entry(CaseEventKind.DiagnosticCompleted, $"{assessment.Kind.Label()} terminé : {ScoreText.Format(score.Overall)} sur 100" + (score.Level is null ? "." : $", niveau « {score.Level.Name} »."), userId, at, assessment.MerchantId);
    }
}
