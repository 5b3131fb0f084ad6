using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;

namespace Coaching.Web.Features.Diagnostics;

/// <summary>
/// Where an assessment stands: answers given, the question count (stable: the conditional questions are counted apart,
/// « 46 questions (+2 selon vos réponses) », so the total does not move as they appear), finished steps, and the first
/// step still to fill.
/// </summary>
public sealed record StepProgress(int Answered, int Unconditional, int Conditional, int Shown, IReadOnlySet<int> FinishedSteps)
{
    public int Percent => Shown == 0 ? 0 : (int)Math.Round(100.0 * Math.Min(Answered, Shown) / Shown);

    public string Label => $"{Answered} réponse{(Answered > 1 ? "s" : "")} sur {Unconditional} question{(Unconditional > 1 ? "s" : "")}" +
        (Conditional > 0 ? $" (+{Conditional} selon vos réponses)" : "");

    public static StepProgress Of(Questionnaire questionnaire, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var visibility = new QuestionVisibility(questionnaire, answers);
        var scored = questionnaire.AllQuestions.Where(q => q.IsScored).ToList();
        var shown = scored.Where(visibility.IsVisible).ToList();
        var answered = shown.Count(q => answers.TryGetValue(q.Code, out var v) && !v.IsEmpty);
        var missingAxes = AnswerParser.Missing(questionnaire, answers).Select(q => q.AxisId).ToHashSet();
        var finished = questionnaire.OrderedAxes.Select((axis, i) => (axis, Step: i + 1))
            .Where(x => !missingAxes.Contains(x.axis.Id) && x.axis.Questions.Any(q => answers.ContainsKey(q.Code)))
            .Select(x => x.Step).ToHashSet();
        return new StepProgress(answered, scored.Count(q => !q.HasCondition), scored.Count(q => q.HasCondition), shown.Count, finished);
    }

    /// <summary>The 1-based step of the first question still to answer; null when every question is answered.</summary>
    public static int? FirstUnansweredStep(Questionnaire questionnaire, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var missingAxes = AnswerParser.Missing(questionnaire, answers).Select(q => q.AxisId).ToHashSet();
        var index = questionnaire.OrderedAxes.ToList().FindIndex(a => missingAxes.Contains(a.Id));
        return index < 0 ? null : index + 1;
    }
}
