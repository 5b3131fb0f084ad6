using Coaching.Core.Actions;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;

namespace Coaching.Core.Plans;

/// <summary>
/// A proposed action, ranked. <see cref="Gap"/> is a whole number (the one shown), so that the displayed formula
/// « score = écart × impact ÷ effort » adds up with the figures shown.
/// </summary>
public sealed record RankedAction(string ActionCode, string Title, string AxisCode, double Gap, int Impact, int Effort, int Priority, string Reason)
{
    public double Score => PlanRanking.Score(Gap, Impact, Effort);

    /// <summary>The score as shown (one decimal), the value stored on plan items.</summary>
    public double DisplayedScore => Math.Round(Score, 1, MidpointRounding.AwayFromZero);

    public string DisplayedScoreText => DisplayedScore.ToString("0.#", French);

    /// <summary>« 126 = écart 63 × impact 2 ÷ effort 1 »: the operands shown give the result shown.</summary>
    public string Formula => $"{DisplayedScoreText} = écart {Gap.ToString("0", French)} × impact {Impact} ÷ effort {Effort}";

    private static readonly System.Globalization.CultureInfo French = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
}

/// <summary>
/// Ranks the actions a diagnostic's recommendation rules suggest by gap × impact ÷ effort, where gap = 100 − the score of
/// the action's axis in that diagnostic. When the catalogue's axis has no score in the diagnostic, the axis of the rule
/// that fired is used (the axis below its threshold, or the axis of the question answered); failing that, the overall
/// score. Ties go to the rule's priority (1 first), then to the catalogue order. Pure.
/// </summary>
public static class PlanRanking
{
    public static double Score(double gap, int impact, int effort) =>
        Math.Clamp(gap, 0, 100) * Math.Clamp(impact, CatalogAction.MinScale, CatalogAction.MaxScale) /
        Math.Clamp(effort, CatalogAction.MinScale, CatalogAction.MaxScale);

    /// <summary>
    /// The ranking of a completed diagnostic, from its frozen axis and overall scores (nothing recomputed): what the
    /// results page shows and what the plan proposal offers, so that both agree.
    /// </summary>
    public static IReadOnlyList<RankedAction> RankCompleted(Assessment assessment, Questionnaire questionnaire, IReadOnlyList<CatalogAction> catalogue)
    {
        var weights = questionnaire.Axes.ToDictionary(a => a.Code, a => a.Weight, StringComparer.Ordinal);
        var score = new MaturityScore(
            assessment.AxisScores.OrderBy(s => s.Position)
                .Select(s => new AxisScore(s.AxisCode, s.AxisTitle, weights.GetValueOrDefault(s.AxisCode, 1), s.Score, 0, 0)).ToList(),
            assessment.OverallScore, null);
        var answers = assessment.Answers.ToDictionary(a => a.QuestionCode, a => a.ToValue(), StringComparer.Ordinal);
        return Rank(Recommendations.Suggest(questionnaire, answers, score), questionnaire, score, catalogue);
    }

    public static IReadOnlyList<RankedAction> Rank(
        IReadOnlyList<Recommendation> recommendations,
        Questionnaire questionnaire,
        MaturityScore score,
        IReadOnlyList<CatalogAction> catalogue)
    {
        var byCode = catalogue.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var order = catalogue.Select((a, i) => (a.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var ranked = new List<(RankedAction Action, int Order)>();
        foreach (var recommendation in recommendations)
        {
            if (!byCode.TryGetValue(recommendation.ActionCode, out var action)) continue;
            var axisScore = AxisScoreFor(action, recommendation, questionnaire, score);
            // Rounded to the whole number shown, so that the displayed operands give the displayed score.
            var gap = Math.Round(100 - (axisScore ?? 50), MidpointRounding.AwayFromZero);
            ranked.Add((new RankedAction(action.Code, action.Title, action.AxisCode, gap, action.Impact, action.Effort,
                recommendation.Priority, recommendation.Reason), order[action.Code]));
        }
        return ranked
            .OrderByDescending(r => r.Action.Score)
            .ThenBy(r => r.Action.Priority)
            .ThenBy(r => r.Order)
            .Select(r => r.Action)
            .ToList();
    }

    /// <summary>The score the gap is measured from (see the class summary); null when nothing is known.</summary>
    public static double? AxisScoreFor(CatalogAction action, Recommendation recommendation, Questionnaire questionnaire, MaturityScore score)
    {
        if (score.Axis(action.AxisCode)?.Score is { } own) return own;
        foreach (var rule in questionnaire.Rules.Where(r => r.ActionCode == recommendation.ActionCode).OrderBy(r => r.Priority).ThenBy(r => r.Position))
        {
            var axisCode = rule.Trigger == RecommendationTrigger.AxisBelow
                ? rule.AxisCode
                : questionnaire.Axes.FirstOrDefault(a => a.Questions.Any(q => q.Code == rule.QuestionCode))?.Code;
            if (axisCode is not null && score.Axis(axisCode)?.Score is { } ruleAxis) return ruleAxis;
        }
        return score.Overall;
    }
}
