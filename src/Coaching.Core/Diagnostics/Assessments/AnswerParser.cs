using System.Globalization;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;

namespace Coaching.Core.Diagnostics.Assessments;

/// <summary>What a form or a script posted for one question, before it is checked against the question.</summary>
public sealed record AnswerInput(string? QuestionCode, IReadOnlyList<string> Options, string? Number, string? Text, bool NotApplicable, string? Comment);

/// <summary>Checks a posted answer against its question and says in French what is wrong.</summary>
public static class AnswerParser
{
    public static (AnswerValue? Value, string? Error) Parse(Question question, AnswerInput input)
    {
        var options = input.Options.Where(o => !string.IsNullOrEmpty(o)).Distinct(StringComparer.Ordinal).ToList();
        if (input.Comment is { Length: > AnswerLimits.CommentLength })
            return (null, $"Le commentaire dépasse {AnswerLimits.CommentLength} caractères.");
        if (input.NotApplicable)
        {
            return question.AllowsNotApplicable
                ? (AnswerValue.NotApplicableAnswer, null)
                : (null, "Cette question n'accepte pas la réponse « sans objet ».");
        }

        switch (question.Type)
        {
            case QuestionType.SingleChoice or QuestionType.YesPartialNo or QuestionType.Scale0To5:
                if (options.Count > 1) return (null, "Choisissez une seule réponse.");
                if (options.Count == 1 && question.Options.All(o => o.Code != options[0]))
                {
                    return (null, question.Type == QuestionType.Scale0To5
                        ? $"« {options[0]} » n'est pas sur l'échelle : choisissez une valeur de 0 à 5."
                        : $"« {options[0]} » n'est pas une réponse possible à cette question.");
                }
                return (new AnswerValue(options), null);
            case QuestionType.MultipleChoice:
                var unknown = options.FirstOrDefault(o => question.Options.All(x => x.Code != o));
                return unknown is null
                    ? (new AnswerValue(options), null)
                    : (null, $"« {unknown} » n'est pas une réponse possible à cette question.");
            case QuestionType.Number:
                if (string.IsNullOrWhiteSpace(input.Number)) return (new AnswerValue([]), null);
                var text = new string(input.Number.Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace(',', '.');
                if (!double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                    return (null, $"« {input.Number} » n'est pas un nombre : saisissez par exemple 12 ou 12,5.");
                if (number < 0 || number > AnswerLimits.MaxNumber)
                    return (null, "Saisissez un nombre positif ou nul, d'un milliard au plus.");
                return (AnswerValue.Of(number), null);
            default:
                if (input.Text is { Length: > AnswerLimits.TextLength })
                    return (null, $"La réponse dépasse {AnswerLimits.TextLength} caractères.");
                return (new AnswerValue([], Text: string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim()), null);
        }
    }

    /// <summary>The questions still to answer before completing: shown, scored, not multiple choice (an empty tick-list is an answer).</summary>
    public static IReadOnlyList<Question> Missing(Questionnaire questionnaire, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        var visibility = new QuestionVisibility(questionnaire, answers);
        return questionnaire.AllQuestions
            .Where(q => q.IsScored && q.Type != QuestionType.MultipleChoice && visibility.IsVisible(q))
            .Where(q => !answers.TryGetValue(q.Code, out var a) || a.IsEmpty || (a.NotApplicable && !q.AllowsNotApplicable))
            .ToList();
    }
}
