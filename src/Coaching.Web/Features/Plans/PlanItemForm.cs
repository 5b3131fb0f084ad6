using Coaching.Core.Plans;
using Coaching.Web.Features.Merchants;
using Coaching.Web.French;
using FluentValidation;

namespace Coaching.Web.Features.Plans;

/// <summary>The details of one action of a plan, as typed.</summary>
public sealed class PlanItemForm
{
    public string? DueDate { get; set; }
    public string? Owner { get; set; }
    public string? Status { get; set; }
    public string? ProgressNotes { get; set; }

    /// <summary>The version of the action the form was loaded from (concurrency check).</summary>
    public string? Version { get; set; }

    public static PlanItemForm From(ActionPlanItem item, string version) => new()
    {
        DueDate = item.DueDate is { } due ? ParisInput.FormatDate(due) : null,
        Owner = item.Owner.ToString(),
        Status = item.Status.ToString(),
        ProgressNotes = item.ProgressNotes,
        Version = version,
    };
}

public sealed class PlanItemFormValidator : AbstractValidator<PlanItemForm>
{
    public PlanItemFormValidator()
    {
        RuleFor(f => f.DueDate)
            .Must(d => ParisInput.TryParseDate(d, out _)).WithMessage("Saisissez une date d'échéance valide, par exemple 28/11/2026.")
            .When(f => !string.IsNullOrWhiteSpace(f.DueDate));
        RuleFor(f => f.Owner).Must(MerchantFormValidator.BeDefined<PlanItemOwner>).WithMessage("Choisissez qui porte l'action dans la liste.");
        RuleFor(f => f.Status).Must(MerchantFormValidator.BeDefined<PlanItemStatus>).WithMessage("Choisissez un statut dans la liste.");
        RuleFor(f => f.ProgressNotes)
            .MaximumLength(ActionPlanItem.NotesLength).WithMessage($"Les notes d'avancement ne peuvent pas dépasser {ActionPlanItem.NotesLength} caractères.");
    }
}
