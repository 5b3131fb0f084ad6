using Coaching.Web.Features.Security;
using FluentValidation;

namespace Coaching.Web.Features.TwoFactorSignIn;

public sealed class TwoFactorCodeForm
{
    public string? Code { get; set; }
    public bool RememberMe { get; set; }
    public bool RememberDevice { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeForm
{
    public string? Code { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorCodeFormValidator : AbstractValidator<TwoFactorCodeForm>
{
    public TwoFactorCodeFormValidator() =>
        RuleFor(f => f.Code).NotEmpty().WithMessage("Saisissez le code à 6 chiffres affiché par votre application.")
            .Must(code => AuthenticatorCode.Normalize(code) is { Length: 6 } digits && digits.All(char.IsAsciiDigit))
            .WithMessage("Le code comporte 6 chiffres, par exemple 123 456.")
            .When(f => !string.IsNullOrWhiteSpace(f.Code));
}

public sealed class RecoveryCodeFormValidator : AbstractValidator<RecoveryCodeForm>
{
    public RecoveryCodeFormValidator() =>
        RuleFor(f => f.Code).NotEmpty().WithMessage("Saisissez l'un de vos codes de secours.")
            .MaximumLength(64).WithMessage("Un code de secours fait 11 caractères, par exemple 1a2b3-c4d5e.");
}
