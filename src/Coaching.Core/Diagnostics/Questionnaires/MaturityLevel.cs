namespace Coaching.Core.Diagnostics.Questionnaires;

/// <summary>A named band of the overall score, e.g. « Débutant » 0–25; bounds are inclusive whole numbers.</summary>
public class MaturityLevel
{
    public int Id { get; set; }
    public int QuestionnaireId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int MinScore { get; set; }
    public int MaxScore { get; set; }
}
