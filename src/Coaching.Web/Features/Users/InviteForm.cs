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
            .Must(n => !n!.Any(char.IsControl)).WithMessage("Le nom contient des caractères non autorisés.");
        RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indiquez l'adresse e-mail de la personne.")
            .MaximumLength(254).WithMessage("L'adresse e-mail est trop longue.")
            .EmailAddress().WithMessage("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.");
        RuleFor(f => f.Role).Must(r => r is not null && Roles.All.Contains(r)).WithMessage("Choisissez un rôle dans la liste.");
        RuleFor(f => f.MerchantId).NotNull().WithMessage("Choisissez le dossier du commerçant.").When(f => f.Role == Roles.Merchant);
        RuleForEach(f => f.Departments)
            .Must(d => Core.ReferenceData.FrenchGeography.Instance.FindDepartment(d) is not null).WithMessage("Département inconnu.");
    }
}
