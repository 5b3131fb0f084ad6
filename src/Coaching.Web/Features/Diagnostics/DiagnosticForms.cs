using Coaching.Core.Diagnostics.Assessments;

namespace Coaching.Web.Features.Diagnostics;

/// <summary>The answers of one step (or of one question, when the page's script saves it alone).</summary>
public sealed class StepForm
{
    public List<AnswerForm> Answers { get; set; } = [];

    /// <summary>Which button was pressed: previous, next, stay or review.</summary>
    public string? Go { get; set; }
}

public sealed class AnswerForm
{
    /// <summary>Sent among the options to mean « sans objet ».</summary>
    public const string NotApplicableToken = "__sans-objet";

    public string? QuestionCode { get; set; }
    public List<string> Options { get; set; } = [];
    public string? Number { get; set; }
    public string? Text { get; set; }
    public string? Comment { get; set; }
    public string? ExpectedVersion { get; set; }

    public AnswerPost ToPost() => new(
        new AnswerInput(
            QuestionCode,
            Options.Where(o => o != NotApplicableToken).ToList(),
            Number,
            Text,
            Options.Contains(NotApplicableToken),
            Comment),
        string.IsNullOrEmpty(ExpectedVersion) ? null : ExpectedVersion);
}

public sealed class StartForm
{
    public int? QuestionnaireId { get; set; }
    public string? Kind { get; set; }
}
