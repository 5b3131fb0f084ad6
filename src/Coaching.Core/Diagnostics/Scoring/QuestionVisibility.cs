using Coaching.Core.Diagnostics.Questionnaires;

namespace Coaching.Core.Diagnostics.Scoring;

/// <summary>
/// Which questions are shown given the answers so far. A question with a condition is shown only when the
/// condition question is itself shown, is answered (not « not applicable ») and its answer holds the condition option.
/// </summary>
public sealed class QuestionVisibility
{
    private readonly Dictionary<string, Question> _questions;
    private readonly IReadOnlyDictionary<string, AnswerValue> _answers;
    private readonly Dictionary<string, bool> _known = new(StringComparer.Ordinal);

    public QuestionVisibility(Questionnaire questionnaire, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        _questions = questionnaire.AllQuestions.ToDictionary(q => q.Code, StringComparer.Ordinal);
        _answers = answers;
    }

    public bool IsVisible(Question question) => IsVisible(question, depth: 0);

    private bool IsVisible(Question question, int depth)
    {
        if (!question.HasCondition) return true;
        if (_known.TryGetValue(question.Code, out var known)) return known;
        // The validator forbids cycles (a condition must point at an earlier question); the depth guard keeps a bad graph harmless.
        var visible = depth < _questions.Count &&
            _questions.TryGetValue(question.ConditionQuestionCode!, out var parent) &&
            IsVisible(parent, depth + 1) &&
            _answers.TryGetValue(parent.Code, out var answer) &&
            !answer.NotApplicable &&
            answer.Options.Contains(question.ConditionOptionCode!, StringComparer.Ordinal);
        _known[question.Code] = visible;
        return visible;
    }
}
