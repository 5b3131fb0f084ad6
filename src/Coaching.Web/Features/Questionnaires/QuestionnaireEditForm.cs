using Coaching.Web.Features.Shared;
using Coaching.Core.Diagnostics.Questionnaires;
using FluentValidation;

namespace Coaching.Web.Features.Questionnaires;

/// <summary>The texts of a draft that can be edited in the browser; the structure changes through a JSON file.</summary>
public sealed class QuestionnaireEditForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public List<AxisEdit> Axes { get; set; } = [];
    public List<LevelEdit> Levels { get; set; } = [];

    public static QuestionnaireEditForm From(Questionnaire questionnaire) => new()
    {
        Title = questionnaire.Title,
        Description = questionnaire.Description,
        Axes = questionnaire.OrderedAxes.Select(a => new AxisEdit
        {
            Id = a.Id,
            Title = a.Title,
            Description = a.Description,
            Questions = a.OrderedQuestions.Select(q => new QuestionEdit
            {
                Id = q.Id,
                Text = q.Text,
                Help = q.Help,
                Options = q.Type.HasListedOptions() ? q.OrderedOptions.Select(o => new OptionEdit { Id = o.Id, Label = o.Label }).ToList() : [],
            }).ToList(),
        }).ToList(),
        Levels = questionnaire.Levels.OrderBy(l => l.MinScore).Select(l => new LevelEdit { Id = l.Id, Name = l.Name, Description = l.Description }).ToList(),
    };

    /// <summary>Copies the texts onto the draft, matching by id; ids that do not belong to it are ignored.</summary>
    public void ApplyTo(Questionnaire questionnaire)
    {
        questionnaire.Title = Title!.Trim();
        questionnaire.Description = Clean(Description);
        var axes = questionnaire.Axes.ToDictionary(a => a.Id);
        var questions = questionnaire.Axes.SelectMany(a => a.Questions).ToDictionary(q => q.Id);
        var options = questions.Values.SelectMany(q => q.Options).ToDictionary(o => o.Id);
        var levels = questionnaire.Levels.ToDictionary(l => l.Id);
        foreach (var axis in Axes)
        {
            if (!axes.TryGetValue(axis.Id, out var target)) continue;
            target.Title = axis.Title!.Trim();
            target.Description = Clean(axis.Description);
            foreach (var question in axis.Questions)
            {
                if (!questions.TryGetValue(question.Id, out var q)) continue;
                q.Text = question.Text!.Trim();
                q.Help = Clean(question.Help);
                foreach (var option in question.Options.Where(o => options.ContainsKey(o.Id)))
                    options[option.Id].Label = option.Label!.Trim();
            }
        }
        foreach (var level in Levels.Where(l => levels.ContainsKey(l.Id)))
        {
            levels[level.Id].Name = level.Name!.Trim();
            levels[level.Id].Description = Clean(level.Description);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class AxisEdit
{
    public int Id { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public List<QuestionEdit> Questions { get; set; } = [];
}

public sealed class QuestionEdit
{
    public int Id { get; set; }
    public string? Text { get; set; }
    public string? Help { get; set; }
    public List<OptionEdit> Options { get; set; } = [];
}

public sealed class OptionEdit
{
    public int Id { get; set; }
    public string? Label { get; set; }
}

public sealed class LevelEdit
{
    public int Id { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
}

public sealed class QuestionnaireEditFormValidator : AbstractValidator<QuestionnaireEditForm>
{
    public QuestionnaireEditFormValidator()
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("Le titre est obligatoire.")
            .MaximumLength(QuestionnaireLimits.TitleLength).WithMessage($"Le titre ne peut pas dépasser {QuestionnaireLimits.TitleLength} caractères.")
            .SingleLine("Le titre").NoFormulaStart("Le titre");
        RuleFor(f => f.Description).MaximumLength(QuestionnaireLimits.DescriptionLength).WithMessage($"La description ne peut pas dépasser {QuestionnaireLimits.DescriptionLength} caractères.");
        RuleForEach(f => f.Axes).ChildRules(axis =>
        {
            axis.RuleFor(a => a.Title).NotEmpty().WithMessage("Le titre de l'axe est obligatoire.")
                .MaximumLength(QuestionnaireLimits.TitleLength).WithMessage($"Le titre ne peut pas dépasser {QuestionnaireLimits.TitleLength} caractères.")
                .SingleLine("Le titre de l’axe").NoFormulaStart("Le titre de l’axe");
            axis.RuleFor(a => a.Description).MaximumLength(QuestionnaireLimits.DescriptionLength).WithMessage($"La description ne peut pas dépasser {QuestionnaireLimits.DescriptionLength} caractères.");
            axis.RuleForEach(a => a.Questions).ChildRules(question =>
            {
                question.RuleFor(q => q.Text).NotEmpty().WithMessage("Le texte de la question est obligatoire.")
                    .MaximumLength(QuestionnaireLimits.TextLength).WithMessage($"Le texte ne peut pas dépasser {QuestionnaireLimits.TextLength} caractères.");
                question.RuleFor(q => q.Help).MaximumLength(QuestionnaireLimits.DescriptionLength).WithMessage($"L'aide ne peut pas dépasser {QuestionnaireLimits.DescriptionLength} caractères.");
                question.RuleForEach(q => q.Options).ChildRules(option =>
                    option.RuleFor(o => o.Label).NotEmpty().WithMessage("Le libellé de la réponse est obligatoire.")
                        .MaximumLength(QuestionnaireLimits.TitleLength).WithMessage($"Le libellé ne peut pas dépasser {QuestionnaireLimits.TitleLength} caractères.")
                        .SingleLine("Le libellé de la réponse"));
            });
        });
        RuleForEach(f => f.Levels).ChildRules(level =>
        {
            level.RuleFor(l => l.Name).NotEmpty().WithMessage("Le nom du niveau est obligatoire.")
                .MaximumLength(QuestionnaireLimits.NameLength).WithMessage($"Le nom ne peut pas dépasser {QuestionnaireLimits.NameLength} caractères.")
                .SingleLine("Le nom du niveau");
            level.RuleFor(l => l.Description).MaximumLength(QuestionnaireLimits.DescriptionLength).WithMessage($"La description ne peut pas dépasser {QuestionnaireLimits.DescriptionLength} caractères.");
        });
    }
}
