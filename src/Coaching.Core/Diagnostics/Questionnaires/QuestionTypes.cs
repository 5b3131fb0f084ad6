using System.Globalization;

namespace Coaching.Core.Diagnostics.Questionnaires;

/// <summary>The words used for question types in JSON files, their French labels, and the options some types always have.</summary>
public static class QuestionTypes
{
    private static readonly Dictionary<string, QuestionType> ByCode = new(StringComparer.Ordinal)
    {
        ["single"] = QuestionType.SingleChoice,
        ["multiple"] = QuestionType.MultipleChoice,
        ["yes-partial-no"] = QuestionType.YesPartialNo,
        ["scale0to5"] = QuestionType.Scale0To5,
        ["number"] = QuestionType.Number,
        ["freetext"] = QuestionType.FreeText,
    };

    public static IReadOnlyCollection<string> Codes => ByCode.Keys;

    public static bool TryParse(string? code, out QuestionType type) => ByCode.TryGetValue(code ?? "", out type);

    public static string Code(this QuestionType type) => ByCode.First(kv => kv.Value == type).Key;

    public static string Label(this QuestionType type) => type switch
    {
        QuestionType.SingleChoice => "Choix unique",
        QuestionType.MultipleChoice => "Choix multiple",
        QuestionType.YesPartialNo => "Oui / en partie / non",
        QuestionType.Scale0To5 => "Échelle de 0 à 5",
        QuestionType.Number => "Nombre",
        QuestionType.FreeText => "Texte libre",
        _ => type.ToString(),
    };

    /// <summary>Whether the file lists the options of this type (the others have fixed options or none).</summary>
    public static bool HasListedOptions(this QuestionType type) =>
        type is QuestionType.SingleChoice or QuestionType.MultipleChoice or QuestionType.Number;

    public const string Yes = "yes";
    public const string Partial = "partial";
    public const string No = "no";

    /// <summary>The options that yes/partial/no and 0–5 scale questions always have.</summary>
    public static IReadOnlyList<QuestionOption> FixedOptions(QuestionType type) => type switch
    {
        QuestionType.YesPartialNo =>
        [
            new QuestionOption { Position = 0, Code = Yes, Label = "Oui", Score = 1 },
            new QuestionOption { Position = 1, Code = Partial, Label = "En partie", Score = 0.5 },
            new QuestionOption { Position = 2, Code = No, Label = "Non", Score = 0 },
        ],
        QuestionType.Scale0To5 => Enumerable.Range(0, 6)
            .Select(v => new QuestionOption
            {
                Position = v,
                Code = v.ToString(CultureInfo.InvariantCulture),
                Label = v.ToString(CultureInfo.InvariantCulture),
                Score = v,
            })
            .ToList(),
        _ => [],
    };
}
