using System.Globalization;
using System.Text.RegularExpressions;
using Coaching.Core.Actions;
using Coaching.Core.Diagnostics.Questionnaires;

namespace Coaching.Core.Diagnostics.Format;

/// <summary>
/// Checks a parsed questionnaire file as a whole and lists every error with its JSON path and a French reason.
/// A file with any error is refused entirely.
/// </summary>
public static partial class QuestionnaireFileValidator
{
    public const string AxisBelow = "axisBelow";
    public const string Answered = "answered";

    public static IReadOnlyList<FormatError> Validate(QuestionnaireFile file)
    {
        var errors = new List<FormatError>();
        void Error(string path, string message) => errors.Add(new FormatError(path, message));

        if (file.Format != QuestionnaireFile.CurrentFormat)
            Error("$.format", $"Indiquez « {QuestionnaireFile.CurrentFormat} » : c'est la version du format que cette application lit.");
        if (string.IsNullOrWhiteSpace(file.Code))
            Error("$.code", "Le code du questionnaire est obligatoire.");
        else if (!QuestionnaireCode().IsMatch(file.Code))
            Error("$.code", "Le code du questionnaire commence par une majuscule et ne contient que des majuscules, des chiffres et « _ » (40 caractères au plus).");
        if (file.Version is < 1)
            Error("$.version", "La version est un nombre entier positif.");
        if (file.Status is not null and not "draft" and not "published")
            Error("$.status", $"Statut inconnu : « {file.Status} ». Un fichier importé est « draft » (brouillon) ou « published » (publié).");
        Text(errors, "$.title", file.Title, "Le titre", QuestionnaireLimits.TitleLength, required: true);
        Text(errors, "$.description", file.Description, "La description", QuestionnaireLimits.DescriptionLength, required: false);

        var questions = ValidateAxes(file, errors);
        ValidateLevels(file, errors);
        ValidateRules(file, questions, errors);
        return errors;
    }

    private static Dictionary<string, (QuestionFile Question, QuestionType? Type, string Path)> ValidateAxes(QuestionnaireFile file, List<FormatError> errors)
    {
        var questions = new Dictionary<string, (QuestionFile, QuestionType?, string)>(StringComparer.Ordinal);
        if (file.Axes is not { Count: > 0 })
        {
            errors.Add(new("$.axes", "Le questionnaire doit avoir au moins un axe."));
            return questions;
        }
        if (file.Axes.Count > QuestionnaireLimits.MaxAxes)
            errors.Add(new("$.axes", $"Un questionnaire a au plus {QuestionnaireLimits.MaxAxes} axes, pour que le radar reste lisible."));

        var axisCodes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var a = 0; a < file.Axes.Count; a++)
        {
            var path = $"$.axes[{a}]";
            var axis = file.Axes[a];
            if (axis is null) { errors.Add(new(path, "Un axe doit être un objet.")); continue; }
            Code(errors, path + ".code", axis.Code, axisCodes, "axe");
            Text(errors, path + ".title", axis.Title, "Le titre de l'axe", QuestionnaireLimits.TitleLength, required: true);
            Text(errors, path + ".description", axis.Description, "La description de l'axe", QuestionnaireLimits.DescriptionLength, required: false);
            Weight(errors, path + ".weight", axis.Weight);
            if (axis.Questions is not { Count: > 0 })
            {
                errors.Add(new(path + ".questions", "Chaque axe doit avoir au moins une question."));
                continue;
            }
            if (axis.Questions.Count > QuestionnaireLimits.MaxQuestionsPerAxis)
                errors.Add(new(path + ".questions", $"Un axe a au plus {QuestionnaireLimits.MaxQuestionsPerAxis} questions."));
            for (var q = 0; q < axis.Questions.Count; q++)
                ValidateQuestion(axis.Questions[q], $"{path}.questions[{q}]", questions, errors);
        }
        return questions;
    }

    private static void ValidateQuestion(QuestionFile? question, string path,
        Dictionary<string, (QuestionFile Question, QuestionType? Type, string Path)> earlier, List<FormatError> errors)
    {
        if (question is null) { errors.Add(new(path, "Une question doit être un objet.")); return; }
        var codes = earlier.ToDictionary(kv => kv.Key, kv => kv.Value.Path, StringComparer.Ordinal);
        var codeIsNew = Code(errors, path + ".code", question.Code, codes, "question");
        Text(errors, path + ".text", question.Text, "Le texte de la question", QuestionnaireLimits.TextLength, required: true);
        Text(errors, path + ".help", question.Help, "L'aide", QuestionnaireLimits.DescriptionLength, required: false);
        Text(errors, path + ".unit", question.Unit, "L'unité", QuestionnaireLimits.UnitLength, required: false);
        Weight(errors, path + ".weight", question.Weight);

        QuestionType? type = null;
        if (string.IsNullOrEmpty(question.Type))
            errors.Add(new(path + ".type", $"Le type de la question est obligatoire : {string.Join(", ", QuestionTypes.Codes)}."));
        else if (QuestionTypes.TryParse(question.Type, out var parsed))
            type = parsed;
        else
            errors.Add(new(path + ".type", $"Type de question inconnu : « {question.Type} ». Types possibles : {string.Join(", ", QuestionTypes.Codes)}."));

        if (type is { } t)
        {
            ValidateOptions(question, t, path, errors);
            if (t != QuestionType.Number && question.Unit is not null)
                errors.Add(new(path + ".unit", "Seule une question de type « number » a une unité."));
        }
        ValidateCondition(question, path, earlier, errors);
        if (codeIsNew) earlier[question.Code!] = (question, type, path);
    }

    private static void ValidateOptions(QuestionFile question, QuestionType type, string path, List<FormatError> errors)
    {
        var options = question.Options;
        if (!type.HasListedOptions())
        {
            if (options is { Count: > 0 })
                errors.Add(new(path + ".options", type == QuestionType.FreeText
                    ? "Une question de texte libre n'a pas d'options."
                    : $"Les options d'une question « {type.Code()} » sont fixes ({string.Join(", ", QuestionTypes.FixedOptions(type).Select(o => o.Code))}) : retirez « options »."));
            return;
        }
        var minimum = type == QuestionType.SingleChoice ? 2 : 1;
        if (options is null || options.Count < minimum)
        {
            errors.Add(new(path + ".options", type switch
            {
                QuestionType.SingleChoice => "Une question à choix unique a au moins deux options.",
                QuestionType.MultipleChoice => "Une question à choix multiple a au moins une option.",
                _ => "Une question de type « number » a au moins un seuil (option avec « min »).",
            }));
            return;
        }
        if (options.Count > QuestionnaireLimits.MaxOptions)
            errors.Add(new(path + ".options", $"Une question a au plus {QuestionnaireLimits.MaxOptions} options."));

        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var thresholds = new Dictionary<double, string>();
        for (var o = 0; o < options.Count; o++)
        {
            var optionPath = $"{path}.options[{o}]";
            var option = options[o];
            if (option is null) { errors.Add(new(optionPath, "Une option doit être un objet.")); continue; }
            Code(errors, optionPath + ".code", option.Code, codes, "option");
            Text(errors, optionPath + ".label", option.Label, "Le libellé de l'option", QuestionnaireLimits.TitleLength, required: true);
            if (option.Score is null)
                errors.Add(new(optionPath + ".score", "Le score de l'option est obligatoire (0 ou plus)."));
            else if (option.Score < 0 || option.Score > 100 || !double.IsFinite(option.Score.Value))
                errors.Add(new(optionPath + ".score", "Le score d'une option est compris entre 0 et 100."));
            if (type == QuestionType.Number)
            {
                if (option.Min is not { } min)
                    errors.Add(new(optionPath + ".min", "Chaque seuil d'une question « number » indique « min », la plus petite valeur qui obtient ce score."));
                else if (thresholds.TryGetValue(min, out var other))
                    errors.Add(new(optionPath + ".min", $"Le seuil {min.ToString(CultureInfo.InvariantCulture)} est déjà utilisé par {other}."));
                else
                    thresholds[min] = optionPath;
            }
            else if (option.Min is not null)
                errors.Add(new(optionPath + ".min", "Seules les options d'une question « number » ont un seuil « min »."));
        }
        if (options.All(o => o?.Score is not null) && options.Sum(o => o!.Score!.Value) <= 0)
            errors.Add(new(path + ".options", "Au moins une option doit avoir un score supérieur à 0, sinon la question ne peut rien mesurer."));
    }

    private static void ValidateCondition(QuestionFile question, string path,
        Dictionary<string, (QuestionFile Question, QuestionType? Type, string Path)> earlier, List<FormatError> errors)
    {
        if (question.Condition is not { } condition) return;
        var conditionPath = path + ".condition";
        if (string.IsNullOrEmpty(condition.Question) || string.IsNullOrEmpty(condition.Option))
        {
            errors.Add(new(conditionPath, "Une condition indique « question » et « option » : la question n'est posée que si cette option est choisie."));
            return;
        }
        if (!earlier.TryGetValue(condition.Question, out var target))
        {
            errors.Add(new(conditionPath + ".question", condition.Question == question.Code
                ? "Une question ne peut pas dépendre d'elle-même."
                : $"La condition renvoie à une question inconnue ou placée plus loin : « {condition.Question} ». Elle doit désigner une question posée avant."));
            return;
        }
        if (target.Type is not { } targetType) return;
        if (targetType is QuestionType.Number or QuestionType.FreeText)
        {
            errors.Add(new(conditionPath + ".question", $"La question « {condition.Question} » n'a pas d'options : une condition doit porter sur une question à choix."));
            return;
        }
        if (!OptionCodes(target.Question, targetType).Contains(condition.Option))
            errors.Add(new(conditionPath + ".option", $"La question « {condition.Question} » n'a pas d'option « {condition.Option} »."));
    }

    private static HashSet<string> OptionCodes(QuestionFile question, QuestionType type) =>
        (type.HasListedOptions() ? (question.Options ?? []).Where(o => o?.Code is not null).Select(o => o.Code!) : QuestionTypes.FixedOptions(type).Select(o => o.Code))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Checks a code's form and uniqueness; returns whether it is new and well formed.</summary>
    private static bool Code(List<FormatError> errors, string path, string? code, Dictionary<string, string> seen, string what)
    {
        if (string.IsNullOrEmpty(code))
        {
            errors.Add(new(path, what switch
            {
                "axe" => "Le code de l'axe est obligatoire.",
                "question" => "Le code de la question est obligatoire.",
                _ => "Le code de l'option est obligatoire.",
            }));
            return false;
        }
        if (!PartCode().IsMatch(code))
        {
            errors.Add(new(path, $"Code « {code} » invalide : lettres sans accent, chiffres, « _ », « - » ou « . », 40 caractères au plus."));
            return false;
        }
        if (!seen.TryAdd(code, path[..path.LastIndexOf('.')]))
        {
            errors.Add(new(path, $"Code en double : « {code} » est déjà utilisé par {seen[code]}."));
            return false;
        }
        return true;
    }

    private static void Text(List<FormatError> errors, string path, string? value, string what, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(new(path, $"{what} est obligatoire."));
            return;
        }
        if (value.Length > maxLength)
            errors.Add(new(path, $"{what} dépasse {maxLength} caractères ({value.Length})."));
    }

    private static void Weight(List<FormatError> errors, string path, double? weight)
    {
        if (weight is { } w && (w <= 0 || w > 100 || !double.IsFinite(w)))
            errors.Add(new(path, "Le poids est un nombre strictement positif, au plus 100 (1 par défaut)."));
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionnaireCode();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex PartCode();
}
