using Coaching.Core.Audit;
using Coaching.Core.Identity;
using Coaching.Web.Features.Account;
using Coaching.Web.Features.Audit;
using Coaching.Web.French;
using Coaching.Web.Hosting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Coaching.Web.Features.Security;

/// <summary>
/// Every signed-in person changes their password, knowing the current one. The new security stamp ends every other
/// session of the account (<see cref="DatabaseTicketStore"/>): a stolen session dies with the old password.
/// </summary>
[Authorize]
[Route("compte/mot-de-passe")]
public sealed class PasswordController(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<PasswordController> logger) : Controller
{
    private const string Page = "/Features/Security/Password.cshtml";

    [HttpGet("")]
    public IActionResult Index() => View(Page, new ChangePasswordForm());

    [HttpPost("")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    [Audited(AuditAction.Change, AuditTarget.Account)]
    public async Task<IActionResult> Index(ChangePasswordForm form, [FromServices] IValidator<ChangePasswordForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState)) return Again(form);
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(form.CurrentPassword)
                    : error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.NewPassword) : "";
                ModelState.AddModelError(field, field == nameof(form.CurrentPassword) ? "Ce n'est pas votre mot de passe actuel." : error.Description);
            }
            return Again(form);
        }
        // This browser goes on under a new session; the others were ended by the new security stamp.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed their password", user.Id);
        TempData["Flash"] = "Votre mot de passe a été changé. Vos autres sessions sont fermées.";
        return RedirectToAction(nameof(SecurityController.Index), "Security");
    }

    /// <summary>Passwords are never sent back to the browser: the fields come back empty, with their messages.</summary>
    private ViewResult Again(ChangePasswordForm form)
    {
        form.CurrentPassword = form.NewPassword = form.ConfirmPassword = null;
        return View(Page, form);
    }
}

public sealed class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage("Saisissez votre mot de passe actuel.");
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage("Choisissez un nouveau mot de passe.").PasswordLength()
            .NotEqual(f => f.CurrentPassword).WithMessage("Choisissez un mot de passe différent de l'actuel.");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("Les deux mots de passe ne sont pas identiques.");
    }
}
