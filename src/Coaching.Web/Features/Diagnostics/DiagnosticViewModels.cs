using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;
using Coaching.Core.Merchants;

namespace Coaching.Web.Features.Diagnostics;

public sealed record AssessmentSummary(
    int Id, AssessmentKind Kind, AssessmentStatus Status, string QuestionnaireTitle, int QuestionnaireVersion,
    DateTimeOffset StartedAt, DateTimeOffset? CompletedAt, double? OverallScore, string? LevelName, string? StartedBy);

public sealed record MerchantDiagnosticsViewModel(
    Merchant Merchant,
    IReadOnlyList<AssessmentSummary> Assessments,
    IReadOnlyList<Questionnaire> Offered,
    bool CanStartDiagnostic,
    bool CanStartSelfAssessment,
    bool IsStaff);

/// <summary>A question as shown on a step: its current answer, or what was just posted when it was refused.</summary>
public sealed record QuestionView(
    int Index,
    Question Question,
    IReadOnlyList<string> Selected,
    string? Number,
    string? Text,
    bool NotApplicable,
    string? Comment,
    string? Version,
    string? Error,
    string? ConditionText,
    bool Hidden)
{
    public string Id => "q-" + Question.Code;
    public string Prefix => $"Answers[{Index}]";
    public bool IsSelected(string option) => Selected.Contains(option, StringComparer.Ordinal);
}

public sealed record StepViewModel(
    Assessment Assessment,
    Merchant Merchant,
    Questionnaire Questionnaire,
    int Step,
    QuestionnaireAxis Axis,
    IReadOnlyList<QuestionView> Questions,
    StepProgress Progress)
{
    public int StepCount => Questionnaire.Axes.Count;
    public bool IsLast => Step == StepCount;
}

public sealed record ReviewViewModel(Assessment Assessment, Merchant Merchant, Questionnaire Questionnaire, IReadOnlyList<(Question Question, int Step)> Missing, string? Message);

public sealed record AxisRow(string Code, string Title, double? Score, double? First, double? Average);

public sealed record ResultsViewModel(
    Assessment Assessment,
    Merchant Merchant,
    Questionnaire Questionnaire,
    IReadOnlyList<AxisRow> Axes,
    string? FirstLabel,
    string? AverageLabel,
    int AverageMerchantCount,
    string? RadarSvg,
    IReadOnlyList<AxisRow> Weakest,
    IReadOnlyList<Coaching.Core.Plans.RankedAction> Ranked,
    MaturityLevel? Level,
    bool CanValidate,
    bool CanEditPlan,
    bool IsStaff);
