using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;

namespace Coaching.Core.Diagnostics.Assessments;

public enum AssessmentKind
{
    /// <summary>Filled by an advisor with the merchant.</summary>
    AdvisorDiagnostic = 0,
    /// <summary>Filled by the merchant alone before the first meeting; the advisor validates or corrects it.</summary>
    SelfAssessment = 1,
}

public enum AssessmentStatus
{
    InProgress = 0,
    Completed = 1,
}

/// <summary>One run of a questionnaire version for a merchant. Completing it freezes its scores.</summary>
public class Assessment : IVersioned
{
    public int Id { get; set; }
    public int MerchantId { get; set; }
    public Merchant? Merchant { get; set; }
    public int QuestionnaireId { get; set; }
    public Questionnaire? Questionnaire { get; set; }
    public AssessmentKind Kind { get; set; }
    public AssessmentStatus Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }
    public string? StartedById { get; set; }
    public AppUser? StartedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedById { get; set; }
    public AppUser? CompletedBy { get; set; }

    /// <summary>The self-assessment this advisor diagnostic was started from, if any.</summary>
    public int? BasedOnAssessmentId { get; set; }

    /// <summary>Frozen when completed: weighted mean of the axis scores, 0–100; null while in progress or when no axis applies.</summary>
    public double? OverallScore { get; set; }
    public string? LevelName { get; set; }

    /// <inheritdoc />
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <inheritdoc />
    public uint RowVersion { get; set; }

    public List<AssessmentAnswer> Answers { get; set; } = [];
    public List<AssessmentAxisScore> AxisScores { get; set; } = [];

    public bool IsCompleted => Status == AssessmentStatus.Completed;
}

public static class AssessmentLabels
{
    public static string Label(this AssessmentKind kind) => kind switch
    {
        AssessmentKind.AdvisorDiagnostic => "Diagnostic conseiller",
        AssessmentKind.SelfAssessment => "Auto-évaluation du commerçant",
        _ => kind.ToString(),
    };

    public static string Label(this AssessmentStatus status) => status switch
    {
        AssessmentStatus.InProgress => "En cours",
        AssessmentStatus.Completed => "Terminé",
        _ => status.ToString(),
    };
}
