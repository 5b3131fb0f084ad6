using Coaching.Web.Features.Shared;
using Coaching.Core.Actions;
using Coaching.Core.Diagnostics.Questionnaires;
using FluentValidation;

namespace Coaching.Web.Features.Actions;

public sealed class CatalogActionForm
{
    public string? Title { get; set; }
    public string? AxisCode { get; set; }
    public string? Description { get; set; }
    public int? Effort { get; set; }
    public int? Impact { get; set; }
    public string? Resources { get; set; }
    public string? Version { get; set; }

    public static CatalogActionForm From(CatalogAction action, string version) => new()
    {
        Title = action.Title,
        AxisCode = action.AxisCode,
        Description = action.Description,
        Effort = action.Effort,
        Impact = action.Impact,
        Resources = action.Resources,
        Version = version,
    };

    /// <summary>One resource per line, trimmed, without blank lines; line ends normalised.</summary>
    public static string NormalizeResources(string? text) =>
        string.Join('\n', (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0));
}

public sealed class CatalogActionFormValidator : AbstractValidator<CatalogActionForm>
{
    public CatalogActionFormValidator()
    {
        RuleFor(f => f.Title).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indiquez l'intitulé de l'action.")
            .MaximumLength(QuestionnaireLimits.TitleLength).WithMessage($"L'intitulé ne peut pas dépasser {QuestionnaireLimits.TitleLength} caractères.")
            .SingleLine("L’intitulé").NoFormulaStart("L’intitulé");
        RuleFor(f => f.AxisCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indiquez le code de l'axe que l'action améliore.")
            .MaximumLength(QuestionnaireLimits.CodeLength).WithMessage($"Le code d'axe ne peut pas dépasser {QuestionnaireLimits.CodeLength} caractères.")
            .Matches("^[A-Za-z0-9_\\-]+$").WithMessage("Le code d'axe ne contient que des lettres sans accent, des chiffres, « _ » et « - ».");
        RuleFor(f => f.Description).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Décrivez l'action.")
            .MaximumLength(CatalogAction.DescriptionLength).WithMessage($"La description ne peut pas dépasser {CatalogAction.DescriptionLength} caractères.");
        RuleFor(f => f.Effort).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Choisissez l'effort, de 1 à 3.")
            .InclusiveBetween(CatalogAction.MinScale, CatalogAction.MaxScale).WithMessage("L'effort va de 1 (léger) à 3 (important).");
        RuleFor(f => f.Impact).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Choisissez l'impact attendu, de 1 à 3.")
            .InclusiveBetween(CatalogAction.MinScale, CatalogAction.MaxScale).WithMessage("L'impact va de 1 (modeste) à 3 (fort).");
        RuleFor(f => f.Resources).Cascade(CascadeMode.Stop)
            .Must(r => CatalogActionForm.NormalizeResources(r).Length <= CatalogAction.ResourcesLength)
                .WithMessage($"Les ressources ne peuvent pas dépasser {CatalogAction.ResourcesLength} caractères.")
            .Must(r => ActionResource.Parse(CatalogActionForm.NormalizeResources(r)).All(x => x.Url is not null || !x.Label.Contains("://", StringComparison.Ordinal)))
                .WithMessage("Un lien doit commencer par https:// ou http:// et s'écrire « Libellé | https://adresse ».");
    }
}
