using Coaching.Core.Merchants;
using Coaching.Core.Privacy;
using FluentValidation;

namespace Coaching.Web.Features.Privacy;

public sealed class EraseForm
{
    public string? Reason { get; set; }
    public bool Confirm { get; set; }
}

public sealed class EraseFormValidator : AbstractValidator<EraseForm>
{
    public EraseFormValidator()
    {
        RuleFor(f => f.Reason).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indiquez le motif de l'effacement (par exemple « demande écrite du 3 mars »).")
            .MaximumLength(PrivacyOperation.ReasonLength).WithMessage($"Le motif ne doit pas dépasser {PrivacyOperation.ReasonLength} caractères.");
        RuleFor(f => f.Confirm).Equal(true).WithMessage("Cochez la case pour confirmer : l'effacement est définitif.");
    }
}

public sealed record ConsentLine(DateTimeOffset OccurredAt, bool Given, ConsentMethod Method, string? RecordedBy);

public sealed record PrivacyPageViewModel(Merchant Merchant, IReadOnlyList<ConsentLine> Consents, IReadOnlyList<RegisterLine> Operations, EraseForm Form);

public sealed record RegisterLine(DateTimeOffset OccurredAt, string Operation, int MerchantId, string? Actor, string? Reason);

public sealed record RegisterViewModel(IReadOnlyList<RegisterLine> Lines, int Page, bool HasMore);
