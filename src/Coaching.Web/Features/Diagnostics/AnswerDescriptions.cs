using System.Globalization;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Core.Diagnostics.Scoring;

namespace Coaching.Web.Features.Diagnostics;

public static class AnswerDescriptions
{
    /// <summary>An answer in words, e.g. « Oui », « 12 avis », « Sans objet », « rien de coché ».</summary>
    public static string Describe(Question question, AnswerValue value)
    {
        if (value.NotApplicable) return "Sans objet";
        return question.Type switch
        {
            QuestionType.Number => value.Number is { } n ? $"{n.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR"))} {question.Unit}".Trim() : "pas de réponse",
            QuestionType.FreeText => string.IsNullOrWhiteSpace(value.Text) ? "pas de réponse" : value.Text,
            QuestionType.MultipleChoice when value.Options.Count == 0 => "rien de coché",
            _ => value.Options.Count == 0
                ? "pas de réponse"
                : string.Join(", ", value.Options.Select(code => question.Options.FirstOrDefault(o => o.Code == code)?.Label ?? code)),
        };
    }
}
