using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;
using Coaching.Core.Merchants;

namespace Coaching.Web.Features.Diagnostics;

/// <summary>Builds the model of one step: stored answers, or the posted ones where they were refused, so that nothing typed is lost.</summary>
public static class StepModels
{
    public static StepViewModel Build(CoachingDbContext db, Assessment assessment, Merchant merchant, Questionnaire questionnaire, int step,
        StepForm? posted, IReadOnlyList<AnswerOutcome>? outcomes)
    {
        var axis = questionnaire.OrderedAxes[step - 1];
        var answers = assessment.Answers.ToDictionary(a => a.QuestionCode, StringComparer.Ordinal);
        var values = AssessmentWorkflow.AnswersOf(assessment);
        var all = questionnaire.AllQuestions.ToDictionary(q => q.Code, StringComparer.Ordinal);
        // The same question posted twice (a tampered form) is refused twice: keep the first message.
        var refused = (outcomes ?? []).Where(o => !o.Succeeded)
            .GroupBy(o => o.QuestionCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var postedByCode = (posted?.Answers ?? []).Where(a => a.QuestionCode is not null)
            .GroupBy(a => a.QuestionCode!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var visibility = new QuestionVisibility(questionnaire, values);
        var views = axis.OrderedQuestions.Select((question, index) =>
        {
            // Hidden only when the question it depends on is on another step: on the same step, the page's script shows
            // or hides it as the answer changes, and without script it stays visible with its condition spelled out.
            var hidden = question.HasCondition && !visibility.IsVisible(question) &&
                all.TryGetValue(question.ConditionQuestionCode!, out var parent) && parent.AxisId != axis.Id;
            answers.TryGetValue(question.Code, out var stored);
            refused.TryGetValue(question.Code, out var outcome);
            // A refused input is shown again as typed, unless it lost a conflict: then the stored answer is shown.
            if (outcome is { Conflict: false } && postedByCode.TryGetValue(question.Code, out var input))
            {
                var post = input.ToPost();
                return new QuestionView(index, question, post.Input.Options, post.Input.Number, post.Input.Text, post.Input.NotApplicable,
                    post.Input.Comment, stored is null ? null : db.VersionOf(stored), outcome.Error, ConditionText(question, all), hidden);
            }
            return new QuestionView(index, question, stored?.SelectedOptions ?? [], Format(stored?.Number), stored?.Text,
                stored?.NotApplicable ?? false, stored?.Comment, stored is null ? null : db.VersionOf(stored), outcome?.Error, ConditionText(question, all), hidden);
        }).ToList();

        return new StepViewModel(assessment, merchant, questionnaire, step, axis, views, StepProgress.Of(questionnaire, values));
    }

    private static string? ConditionText(Question question, Dictionary<string, Question> all)
    {
        if (!question.HasCondition || !all.TryGetValue(question.ConditionQuestionCode!, out var parent)) return null;
        var option = parent.Options.FirstOrDefault(o => o.Code == question.ConditionOptionCode)?.Label ?? question.ConditionOptionCode;
        return $"À remplir seulement si la réponse à « {parent.Text} » est « {option} ».";
    }

    private static string? Format(double? number) =>
        number?.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}
