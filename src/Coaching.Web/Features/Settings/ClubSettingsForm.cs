using Coaching.Web.Features.Shared;
using Coaching.Core.Clubs;
using Coaching.Core.ReferenceData;
using FluentValidation;

namespace Coaching.Web.Features.Settings;

public sealed class ClubSettingsForm
{
    public string? Name { get; set; }
    public string? ContactEmail { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string? Version { get; set; }

    public static ClubSettingsForm From(Club club, string version) => new()
    {
        Name = club.Name,
        ContactEmail = club.ContactEmail,
        Phone = club.Phone,
        Website = club.Website,
        Version = version,
    };
}

public sealed class ClubSettingsFormValidator : AbstractValidator<ClubSettingsForm>
{
    public ClubSettingsFormValidator()
    {
        RuleFor(f => f.Name).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Indiquez le nom du club.")
            .MaximumLength(200).WithMessage("Le nom du club ne peut pas dépasser 200 caractères.")
            .SingleLine("Le nom du club");
        RuleFor(f => f.ContactEmail).StrictEmail("Saisissez une adresse e-mail valide, par exemple contact@club.fr (sans espace, guillemet ni chevron).")
            .MaximumLength(254).WithMessage("L'adresse e-mail est trop longue.")
            .When(f => !string.IsNullOrWhiteSpace(f.ContactEmail));
        RuleFor(f => f.Phone).Must(p => FrenchPhone.Normalize(p) is not null).WithMessage("Saisissez un numéro français à 10 chiffres, par exemple 05 56 12 34 56.")
            .When(f => !string.IsNullOrWhiteSpace(f.Phone));
        RuleFor(f => f.Website)
            .Must(w => Uri.TryCreate(w, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http").WithMessage("Saisissez une adresse web complète, par exemple https://www.club.fr.")
            .MaximumLength(300).WithMessage("L'adresse web est trop longue.")
            .When(f => !string.IsNullOrWhiteSpace(f.Website));
    }
}
