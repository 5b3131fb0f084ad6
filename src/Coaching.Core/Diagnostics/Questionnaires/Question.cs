namespace Coaching.Core.Diagnostics.Questionnaires;

public enum QuestionType
{
    /// <summary>One option; score = option score ÷ best option score.</summary>
    SingleChoice = 0,
    /// <summary>A tick-list; score = sum of ticked option scores ÷ sum of all option scores.</summary>
    MultipleChoice = 1,
    /// <summary>Fixed options yes / partly / no scored 1 / 0.5 / 0.</summary>
    YesPartialNo = 2,
    /// <summary>Fixed options 0 to 5; score = value ÷ 5.</summary>
    Scale0To5 = 3,
    /// <summary>A number; its options are thresholds and the highest threshold reached gives the score.</summary>
    Number = 4,
    /// <summary>Free text, never scored.</summary>
    FreeText = 5,
}

/// <summary>A question of an axis. Its code is unique within the questionnaire version.</summary>
public class Question
{
    public int Id { get; set; }
    public int QuestionnaireId { get; set; }
    public Questionnaire? Questionnaire { get; set; }
    public int AxisId { get; set; }
    public QuestionnaireAxis? Axis { get; set; }
    public int Position { get; set; }
    public string Code { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Help { get; set; }
    public QuestionType Type { get; set; }

    /// <summary>Weight of the question within its axis (strictly positive).</summary>
    public double Weight { get; set; } = 1;
    public bool AllowsNotApplicable { get; set; }

    /// <summary>Unit shown next to a number answer (e.g. « avis », « % »).</summary>
    public string? Unit { get; set; }

    /// <summary>Show the question only when question <see cref="ConditionQuestionCode"/> is answered with <see cref="ConditionOptionCode"/>.</summary>
    public string? ConditionQuestionCode { get; set; }
    public string? ConditionOptionCode { get; set; }

    public List<QuestionOption> Options { get; set; } = [];

    public IReadOnlyList<QuestionOption> OrderedOptions => Options.OrderBy(o => o.Position).ToList();

    public bool IsScored => Type != QuestionType.FreeText;

    public bool HasCondition => ConditionQuestionCode is not null && ConditionOptionCode is not null;

    /// <summary>Types answered by picking or ticking options (which conditions and rules may refer to).</summary>
    public bool IsChoice => Type is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.YesPartialNo or QuestionType.Scale0To5;
}
