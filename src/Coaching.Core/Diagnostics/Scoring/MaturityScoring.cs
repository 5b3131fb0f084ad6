using Coaching.Core.Diagnostics.Questionnaires;

namespace Coaching.Core.Diagnostics.Scoring;

/// <summary>
/// Computes maturity scores from answers. Pure: no clock, no database, same answers give the same scores.
/// <list type="number">
/// <item>Each scored question gets a value between 0 and 1:
///   single choice, yes/partial/no and 0–5 scale: score of the chosen option ÷ best option score
///   (so yes/partial/no gives 1 / 0.5 / 0 and the scale gives value ÷ 5);
///   multiple choice: sum of the ticked options' scores ÷ sum of all options' scores (an EDIH tick-list with
///   « done » = 1 and « planned » = 0.5 is a multiple-choice question whose options carry those scores);
///   number: the score of the highest threshold reached ÷ best option score, 0 below the lowest threshold.
///   Unknown option codes count for nothing.</item>
/// <item>Questions that do not count, and leave the denominator: free-text questions, questions hidden by their
///   condition (the condition question is hidden, unanswered, not applicable, or answered with another option),
///   and questions answered « not applicable » when the question allows it.</item>
/// <item>An unanswered question that applies counts as 0: what is not known is not credited, and answering a
///   question never lowers a score. Completing an assessment requires every applicable question to be answered.</item>
/// <item>Axis score = 100 × weighted mean of its counting questions, clamped to 0–100; null when none counts.</item>
/// <item>Overall score = mean of the axis scores weighted by axis weight, over the axes that have a score;
///   null when none has. Level = the level whose whole-number range holds the overall score rounded half away from zero.</item>
/// </list>
/// A more mature answer to a question (one with a higher value) never lowers its axis or the overall score, as long
/// as no other question's condition depends on it: revealing a conditional question can add an unanswered question.
/// </summary>
public static class MaturityScoring
{
    public static MaturityScore Score(Questionnaire questionnaire, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var visibility = new QuestionVisibility(questionnaire, answers);
        var axes = new List<AxisScore>(questionnaire.Axes.Count);
        foreach (var axis in questionnaire.OrderedAxes)
        {
            double weighted = 0, weights = 0;
            int answered = 0, applicable = 0;
            foreach (var question in axis.Questions)
            {
                if (!Counts(question, answers, visibility)) continue;
                answers.TryGetValue(question.Code, out var answer);
                var value = answer is null ? 0 : QuestionValue(question, answer);
                if (answer is { IsEmpty: false }) answered++;
                applicable++;
                weighted += question.Weight * value;
                weights += question.Weight;
            }
            double? score = weights > 0 ? Math.Clamp(100 * weighted / weights, 0, 100) : null;
            axes.Add(new AxisScore(axis.Code, axis.Title, axis.Weight, score, answered, applicable));
        }

        var scored = axes.Where(a => a.Score is not null).ToList();
        var totalWeight = scored.Sum(a => a.Weight);
        double? overall = totalWeight > 0 ? Math.Clamp(scored.Sum(a => a.Weight * a.Score!.Value) / totalWeight, 0, 100) : null;
        return new MaturityScore(axes, overall, overall is { } o ? questionnaire.LevelFor(o) : null);
    }

    /// <summary>Whether the question takes part in its axis score (see the rules above).</summary>
    public static bool Counts(Question question, IReadOnlyDictionary<string, AnswerValue> answers, QuestionVisibility visibility)
    {
        if (!question.IsScored || !visibility.IsVisible(question)) return false;
        return !(question.AllowsNotApplicable && answers.TryGetValue(question.Code, out var answer) && answer.NotApplicable);
    }

    /// <summary>The value of one answer, between 0 and 1.</summary>
    public static double QuestionValue(Question question, AnswerValue answer)
    {
        if (answer.NotApplicable) return 0;
        switch (question.Type)
        {
            case QuestionType.SingleChoice or QuestionType.YesPartialNo or QuestionType.Scale0To5:
            {
                var best = question.Options.Count == 0 ? 0 : question.Options.Max(o => o.Score);
                if (best <= 0 || answer.Options.Count == 0) return 0;
                var chosen = question.Options.FirstOrDefault(o => o.Code == answer.Options[0]);
                return chosen is null ? 0 : Math.Clamp(chosen.Score / best, 0, 1);
            }
            case QuestionType.MultipleChoice:
            {
                var total = question.Options.Sum(o => Math.Max(0, o.Score));
                if (total <= 0) return 0;
                var ticked = question.Options.Where(o => answer.Options.Contains(o.Code)).Sum(o => Math.Max(0, o.Score));
                return Math.Clamp(ticked / total, 0, 1);
            }
            case QuestionType.Number:
            {
                var best = question.Options.Count == 0 ? 0 : question.Options.Max(o => o.Score);
                if (best <= 0 || answer.Number is not { } number || !double.IsFinite(number)) return 0;
                var reached = question.Options
                    .Where(o => o.Threshold is { } t && number >= t)
                    .OrderByDescending(o => o.Threshold)
                    .FirstOrDefault();
                return reached is null ? 0 : Math.Clamp(reached.Score / best, 0, 1);
            }
            default:
                return 0;
        }
    }
}
