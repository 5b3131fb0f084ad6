namespace Coaching.Core.Diagnostics.Questionnaires;

public enum RecommendationTrigger
{
    /// <summary>The axis scored strictly below <see cref="RecommendationRule.Threshold"/>.</summary>
    AxisBelow = 0,
    /// <summary>The question was answered with (or ticked) <see cref="RecommendationRule.OptionCode"/>.</summary>
    QuestionAnswered = 1,
}

/// <summary>Suggests an action of the catalogue when a diagnostic shows a gap; read by the action plan.</summary>
public class RecommendationRule
{
    public int Id { get; set; }
    public int QuestionnaireId { get; set; }
    public int Position { get; set; }
    public RecommendationTrigger Trigger { get; set; }
    public string? AxisCode { get; set; }
    public double? Threshold { get; set; }
    public string? QuestionCode { get; set; }
    public string? OptionCode { get; set; }
    public string ActionCode { get; set; } = "";

    /// <summary>1 = high, 2 = medium, 3 = low.</summary>
    public int Priority { get; set; } = 2;
}
