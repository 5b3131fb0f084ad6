namespace Coaching.Core.Diagnostics.Questionnaires;

public enum QuestionnaireStatus
{
    Draft = 0,
    Published = 1,
    Retired = 2,
}

/// <summary>
/// One version of a maturity questionnaire. A draft may be edited; once published its content is frozen
/// (see <see cref="PublishedQuestionnaireGuard"/>) and it may only be retired. Several versions share a code;
/// assessments keep the exact version they used, and scores are compared across versions by axis code.
/// </summary>
public class Questionnaire
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public int Version { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public QuestionnaireStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>The version this one was derived from, if any.</summary>
    public int? DerivedFromId { get; set; }

    public List<QuestionnaireAxis> Axes { get; set; } = [];
    public List<MaturityLevel> Levels { get; set; } = [];
    public List<RecommendationRule> Rules { get; set; } = [];

    public bool IsEditable => Status == QuestionnaireStatus.Draft;

    public IEnumerable<Question> AllQuestions => Axes.OrderBy(a => a.Position).SelectMany(a => a.Questions.OrderBy(q => q.Position));

    public IReadOnlyList<QuestionnaireAxis> OrderedAxes => Axes.OrderBy(a => a.Position).ToList();

    public MaturityLevel? LevelFor(double score)
    {
        var rounded = (int)Math.Round(score, MidpointRounding.AwayFromZero);
        return Levels.OrderBy(l => l.MinScore).FirstOrDefault(l => l.MinScore <= rounded && rounded <= l.MaxScore);
    }
}

public static class QuestionnaireStatusLabels
{
    public static string Label(this QuestionnaireStatus status) => status switch
    {
        QuestionnaireStatus.Draft => "Brouillon",
        QuestionnaireStatus.Published => "Publié",
        QuestionnaireStatus.Retired => "Retiré",
        _ => status.ToString(),
    };

    /// <summary>The word used in JSON files and on the command line.</summary>
    public static string Code(this QuestionnaireStatus status) => status switch
    {
        QuestionnaireStatus.Draft => "draft",
        QuestionnaireStatus.Published => "published",
        _ => "retired",
    };
}
