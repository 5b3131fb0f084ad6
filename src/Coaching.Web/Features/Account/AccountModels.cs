using Coaching.Web.Features.Shared;
using FluentValidation;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Account;

public sealed class LoginForm : Coaching.Web.Hosting.IAccountForm
{
    string? Coaching.Web.Hosting.IAccountForm.AccountKey => Email;

    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class ForgotPasswordForm : Coaching.Web.Hosting.IAccountForm
{
    string? Coaching.Web.Hosting.IAccountForm.AccountKey => Email;

    public string? Email { get; set; }
}

/// <summary>Setting a password, either from an invitation or from a reset link.</summary>
public sealed class SetPasswordForm : Coaching.Web.Hosting.IAccountForm
{
    string? Coaching.Web.Hosting.IAccountForm.AccountKey => UserId;

    public string? UserId { get; set; }
    public string? Token { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Saisissez votre adresse e-mail.")
            .StrictEmail();
        RuleFor(f => f.Password).NotEmpty().WithMessage("Saisissez votre mot de passe.");
    }
}

public sealed class ForgotPasswordFormValidator : AbstractValidator<ForgotPasswordForm>
{
    public ForgotPasswordFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Saisissez votre adresse e-mail.")
            .StrictEmail();
    }
}

public sealed class SetPasswordFormValidator : AbstractValidator<SetPasswordForm>
{
    public const int MinimumLength = 12;

    public SetPasswordFormValidator()
    {
        RuleFor(f => f.Password).NotEmpty().WithMessage("Choisissez un mot de passe.").PasswordLength();
        RuleFor(f => f.ConfirmPassword).Equal(f => f.Password).WithMessage("Les deux mots de passe ne sont pas identiques.");
    }
}

public static class PasswordRules
{
    /// <summary>The length every new password must have, wherever it is chosen (invitation, reset, change).</summary>
    public static IRuleBuilderOptions<T, string?> PasswordLength<T>(this IRuleBuilder<T, string?> rule) => rule
        .MinimumLength(SetPasswordFormValidator.MinimumLength).WithMessage($"Le mot de passe doit contenir au moins {SetPasswordFormValidator.MinimumLength} caractères.")
        .MaximumLength(128).WithMessage("Le mot de passe ne peut pas dépasser 128 caractères.");
}
