using Coaching.Web.Features.Shared;
using Coaching.Core.Identity;
using FluentValidation;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Users;

public sealed class InviteForm
{
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public string? Role { get; set; }
    public List<string> Departments { get; set; } = [];
    public int? MerchantId { get; set; }
}

public sealed class InviteFormValidator : AbstractValidator<InviteForm>
{
    public InviteFormValidator()
    {
        RuleFor(f => f.DisplayName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indiquez le nom de la personne.")
            .MaximumLength(200).WithMessage("Le nom ne peut pas dépasser 200 caractères.")
            .SingleLine("Le nom")
            .NoFormulaStart("Le nom");
        RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indiquez l'adresse e-mail de la personne.")
            .MaximumLength(254).WithMessage("L'adresse e-mail est trop longue.")
            .StrictEmail();
        RuleFor(f => f.Role).Must(r => r is not null && Roles.All.Contains(r)).WithMessage("Choisissez un rôle dans la liste.");
        RuleFor(f => f.MerchantId).NotNull().WithMessage("Choisissez le dossier du commerçant.").When(f => f.Role == Roles.Merchant);
        RuleForEach(f => f.Departments)
            .Must(d => Core.ReferenceData.FrenchGeography.Instance.FindDepartment(d) is not null).WithMessage("Département inconnu.");
    }
}
