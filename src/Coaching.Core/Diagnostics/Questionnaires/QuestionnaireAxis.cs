namespace Coaching.Core.Diagnostics.Questionnaires;

/// <summary>A dimension of maturity, scored 0–100; its code stays the same across versions so that scores compare.</summary>
public class QuestionnaireAxis
{
    public int Id { get; set; }
    public int QuestionnaireId { get; set; }
    public Questionnaire? Questionnaire { get; set; }
    public int Position { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Weight of the axis in the overall score (strictly positive).</summary>
    public double Weight { get; set; } = 1;

    public List<Question> Questions { get; set; } = [];

    public IReadOnlyList<Question> OrderedQuestions => Questions.OrderBy(q => q.Position).ToList();
}
