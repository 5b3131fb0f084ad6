namespace Coaching.Core.Diagnostics.Assessments;

/// <summary>A frozen axis score of a completed assessment; compared with other versions through <see cref="AxisCode"/>.</summary>
public class AssessmentAxisScore
{
    public long Id { get; set; }
    public int AssessmentId { get; set; }
    public string AxisCode { get; set; } = "";
    public string AxisTitle { get; set; } = "";
    public int Position { get; set; }

    /// <summary>0–100, or null when every question of the axis was not applicable.</summary>
    public double? Score { get; set; }
}
