using System.Globalization;
using System.Text.RegularExpressions;
using Coaching.Core.Actions;
using Coaching.Core.Diagnostics.Questionnaires;

namespace Coaching.Core.Diagnostics.Format;

/// <summary>The checks of the maturity levels and of the recommendation rules.</summary>
public static partial class QuestionnaireFileValidator
{
    private static void ValidateLevels(QuestionnaireFile file, List<FormatError> errors)
    {
        if (file.Levels is not { Count: > 0 })
        {
            errors.Add(new("$.levels", "Indiquez au moins un niveau de maturité couvrant les scores de 0 à 100."));
            return;
        }
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var complete = true;
        for (var l = 0; l < file.Levels.Count; l++)
        {
            var path = $"$.levels[{l}]";
            var level = file.Levels[l];
            if (level is null) { errors.Add(new(path, "Un niveau doit être un objet.")); complete = false; continue; }
            Text(errors, path + ".name", level.Name, "Le nom du niveau", QuestionnaireLimits.NameLength, required: true);
            if (!string.IsNullOrWhiteSpace(level.Name) && !names.TryAdd(level.Name.Trim(), path))
                errors.Add(new(path + ".name", $"Le nom « {level.Name} » est déjà utilisé par {names[level.Name.Trim()]}."));
            Text(errors, path + ".description", level.Description, "La description du niveau", QuestionnaireLimits.DescriptionLength, required: false);
            if (level.Min is not { } min || min is < 0 or > 100) { errors.Add(new(path + ".min", "« min » est un nombre entier de 0 à 100.")); complete = false; }
            if (level.Max is not { } max || max is < 0 or > 100) { errors.Add(new(path + ".max", "« max » est un nombre entier de 0 à 100.")); complete = false; }
            if (level.Min > level.Max) { errors.Add(new(path, "« min » doit être inférieur ou égal à « max ».")); complete = false; }
        }
        if (!complete) return;

        var ordered = file.Levels.Select((level, index) => (Level: level!, Path: $"$.levels[{index}]")).OrderBy(x => x.Level.Min).ToList();
        if (ordered[0].Level.Min != 0)
            errors.Add(new(ordered[0].Path + ".min", "Les niveaux doivent couvrir tous les scores : le plus bas commence à 0."));
        if (ordered[^1].Level.Max != 100)
            errors.Add(new(ordered[^1].Path + ".max", "Les niveaux doivent couvrir tous les scores : le plus haut finit à 100."));
        for (var i = 1; i < ordered.Count; i++)
        {
            var (previous, current) = (ordered[i - 1], ordered[i]);
            if (current.Level.Min <= previous.Level.Max)
                errors.Add(new(current.Path + ".min", $"Ce niveau chevauche {previous.Path} ({previous.Level.Min}–{previous.Level.Max}) : il doit commencer à {previous.Level.Max + 1}."));
            else if (current.Level.Min > previous.Level.Max + 1)
                errors.Add(new(current.Path + ".min", $"Les scores de {previous.Level.Max + 1} à {current.Level.Min - 1} n'ont pas de niveau : ce niveau doit commencer à {previous.Level.Max + 1}."));
        }
    }

    private static void ValidateRules(QuestionnaireFile file, Dictionary<string, (QuestionFile Question, QuestionType? Type, string Path)> questions, List<FormatError> errors)
    {
        if (file.Rules is null) return;
        var axes = (file.Axes ?? []).Where(a => a?.Code is not null).Select(a => a.Code!).ToHashSet(StringComparer.Ordinal);
        for (var r = 0; r < file.Rules.Count; r++)
        {
            var path = $"$.rules[{r}]";
            var rule = file.Rules[r];
            if (rule is null) { errors.Add(new(path, "Une règle doit être un objet.")); continue; }
            switch (rule.When)
            {
                case AxisBelow:
                    if (string.IsNullOrEmpty(rule.Axis) || !axes.Contains(rule.Axis))
                        errors.Add(new(path + ".axis", $"La règle renvoie à un axe inconnu : « {rule.Axis} »."));
                    if (rule.Below is not { } below || below <= 0 || below > 100)
                        errors.Add(new(path + ".below", "« below » est le score (de 1 à 100) en dessous duquel l'action est proposée."));
                    if (rule.Question is not null || rule.Option is not null)
                        errors.Add(new(path, "Une règle « axisBelow » n'a ni « question » ni « option »."));
                    break;
                case Answered:
                    if (string.IsNullOrEmpty(rule.Question) || !questions.TryGetValue(rule.Question, out var target))
                        errors.Add(new(path + ".question", $"La règle renvoie à une question inconnue : « {rule.Question} »."));
                    else if (target.Type is { } type && !OptionCodes(target.Question, type).Contains(rule.Option ?? ""))
                        errors.Add(new(path + ".option", type is QuestionType.Number or QuestionType.FreeText
                            ? $"La question « {rule.Question} » n'a pas d'options à choisir : utilisez une règle « axisBelow »."
                            : $"La question « {rule.Question} » n'a pas d'option « {rule.Option} »."));
                    if (rule.Axis is not null || rule.Below is not null)
                        errors.Add(new(path, "Une règle « answered » n'a ni « axis » ni « below »."));
                    break;
                default:
                    errors.Add(new(path + ".when", $"Type de règle inconnu : « {rule.When} ». Choisissez « {AxisBelow} » ou « {Answered} »."));
                    break;
            }
            if (!ActionCodes.Exists(rule.Action))
                errors.Add(new(path + ".action", $"Action inconnue du catalogue : « {rule.Action} »."));
            if (rule.Priority is not null and not (>= 1 and <= 3))
                errors.Add(new(path + ".priority", "La priorité vaut 1 (haute), 2 (moyenne) ou 3 (basse)."));
        }
    }
}
