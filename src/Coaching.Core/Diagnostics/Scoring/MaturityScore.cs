using Coaching.Core.Diagnostics.Questionnaires;

namespace Coaching.Core.Diagnostics.Scoring;

/// <summary>The score of one axis: 0–100, or null when no question of the axis applies.</summary>
public sealed record AxisScore(string Code, string Title, double Weight, double? Score, int Answered, int Applicable);

public sealed record MaturityScore(IReadOnlyList<AxisScore> Axes, double? Overall, MaturityLevel? Level)
{
    public AxisScore? Axis(string code) => Axes.FirstOrDefault(a => a.Code == code);
}
