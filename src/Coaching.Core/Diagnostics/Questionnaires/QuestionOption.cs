namespace Coaching.Core.Diagnostics.Questionnaires;

/// <summary>A possible answer. For number questions, <see cref="Threshold"/> is the smallest value that earns <see cref="Score"/>.</summary>
public class QuestionOption
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public int Position { get; set; }
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
    public double Score { get; set; }
    public double? Threshold { get; set; }
}
