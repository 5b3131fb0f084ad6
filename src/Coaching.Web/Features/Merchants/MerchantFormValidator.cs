using Coaching.Web.Features.Shared;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using FluentValidation;

namespace Coaching.Web.Features.Merchants;

/// <summary>The rules of a case file, shared by the form and the CSV import.</summary>
public sealed class MerchantFormValidator : AbstractValidator<MerchantForm>
{
    public MerchantFormValidator()
    {
        RuleFor(f => f.BusinessName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indiquez le nom du commerce.")
            .MaximumLength(200).WithMessage("Le nom du commerce ne peut pas dépasser 200 caractères.")
            .SingleLine("Le nom du commerce");

        RuleFor(f => f.Siret).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indiquez le SIRET (14 chiffres).")
            .Must(s => Core.ReferenceData.Siret.Normalize(s) is { Length: 14 } n && n.All(char.IsAsciiDigit))
                .WithMessage("Le SIRET doit comporter exactement 14 chiffres.")
            .Must(Core.ReferenceData.Siret.IsValid).WithMessage("Ce SIRET n'existe pas : sa clé de contrôle est incorrecte. Vérifiez les chiffres.");

        RuleFor(f => f.NafCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indiquez le code NAF/APE de l'activité, par exemple 47.76Z pour un fleuriste.")
            .Must(c => NafCatalog.Instance.Find(c) is not null).WithMessage("Ce code NAF/APE est inconnu. Il a la forme 47.76Z.");

        RuleFor(f => f.AddressLine).MaximumLength(200).WithMessage("L'adresse ne peut pas dépasser 200 caractères.")
            .SingleLine("L’adresse");

        RuleFor(f => f.Postcode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indiquez le code postal.")
            .Matches("^[0-9]{5}$").WithMessage("Le code postal comporte 5 chiffres, par exemple 33000.")
            .Must(p => FrenchGeography.Instance.CommunesWithPostcode(p).Count > 0).WithMessage("Aucune commune n'a ce code postal.");

        RuleFor(f => f.CommuneName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indiquez la commune.")
            .SingleLine("La commune")
            .Must((f, name) => FrenchGeography.Instance.FindCommune(f.Postcode, name) is not null)
                .When(f => FrenchGeography.Instance.CommunesWithPostcode(f.Postcode).Count > 0)
                .WithMessage(f => $"Cette commune n'a pas le code postal {f.Postcode}. Communes possibles : {CommuneChoices(f.Postcode)}.");

        RuleFor(f => f.ContactName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indiquez la personne à contacter.")
            .MaximumLength(200).WithMessage("Le nom du contact ne peut pas dépasser 200 caractères.")
            .SingleLine("Le nom du contact")
            .NoFormulaStart("Le nom du contact");

        RuleFor(f => f.Email).Cascade(CascadeMode.Stop)
            .MaximumLength(254).WithMessage("L'adresse e-mail est trop longue.")
            .StrictEmail("Saisissez une adresse e-mail valide, par exemple contact@boulangerie.fr (sans espace, guillemet ni chevron).")
            .When(f => !string.IsNullOrWhiteSpace(f.Email));

        RuleFor(f => f.Phone)
            .Must(p => FrenchPhone.Normalize(p) is not null).WithMessage("Saisissez un numéro français à 10 chiffres, par exemple 05 56 12 34 56.")
            .When(f => !string.IsNullOrWhiteSpace(f.Phone));

        RuleFor(f => f.EmployeeBand).Must(BeDefined<EmployeeBand>).WithMessage("Choisissez un effectif dans la liste.");
        RuleFor(f => f.ManagerAgeBand).Must(BeDefined<AgeBand>).WithMessage("Choisissez une tranche d'âge dans la liste.");
        RuleFor(f => f.Status).Must(BeDefined<CaseStatus>).WithMessage("Choisissez un statut dans la liste.");
        RuleForEach(f => f.Channels).IsInEnum().WithMessage("Canal inconnu.");
    }

    public static bool BeDefined<TEnum>(string? value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _);

    private static string CommuneChoices(string? postcode) =>
        string.Join(", ", FrenchGeography.Instance.CommunesWithPostcode(postcode).Select(c => c.Name));
}
