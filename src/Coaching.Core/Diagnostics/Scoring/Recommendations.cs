using System.Globalization;
using Coaching.Core.Diagnostics.Questionnaires;

namespace Coaching.Core.Diagnostics.Scoring;

/// <summary>An action of the catalogue suggested by a rule, with why.</summary>
public sealed record Recommendation(string ActionCode, int Priority, string Reason);

/// <summary>Applies a questionnaire's recommendation rules to answers and scores. Pure.</summary>
public static class Recommendations
{
    /// <summary>One suggestion per action code, keeping the highest priority (smallest number) among the rules that fired.</summary>
    public static IReadOnlyList<Recommendation> Suggest(
        Questionnaire questionnaire, IReadOnlyDictionary<string, AnswerValue> answers, MaturityScore score)
    {
        var visibility = new QuestionVisibility(questionnaire, answers);
        var questions = questionnaire.AllQuestions.ToDictionary(q => q.Code, StringComparer.Ordinal);
        var fired = new List<Recommendation>();
        foreach (var rule in questionnaire.Rules.OrderBy(r => r.Position))
        {
            switch (rule.Trigger)
            {
                case RecommendationTrigger.AxisBelow when score.Axis(rule.AxisCode ?? "") is { Score: { } axisScore } axis
                    && rule.Threshold is { } threshold && axisScore < threshold:
                    fired.Add(new Recommendation(rule.ActionCode, rule.Priority,
                        string.Format(CultureInfo.GetCultureInfo("fr-FR"), "Axe « {0} » à {1:0} sur 100 (seuil {2:0}).", axis.Title, axisScore, threshold)));
                    break;
                case RecommendationTrigger.QuestionAnswered when questions.TryGetValue(rule.QuestionCode ?? "", out var question)
                    && visibility.IsVisible(question)
                    && answers.TryGetValue(question.Code, out var answer) && !answer.NotApplicable
                    && answer.Options.Contains(rule.OptionCode ?? "", StringComparer.Ordinal):
                    var label = question.Options.FirstOrDefault(o => o.Code == rule.OptionCode)?.Label ?? rule.OptionCode;
                    fired.Add(new Recommendation(rule.ActionCode, rule.Priority, $"Réponse « {label} » à « {question.Text} »."));
                    break;
            }
        }
        return fired
            .GroupBy(r => r.ActionCode, StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.Priority).First())
            .OrderBy(r => r.Priority)
            .ToList();
    }
}
