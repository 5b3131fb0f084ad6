using Coaching.Core.Identity;
using Coaching.Web.Email;
using Coaching.Web.Features.Audit;
using Coaching.Web.Hosting;
using Coaching.Core.Audit;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Coaching.Web.French;

namespace Coaching.Web.Features.Account;

[AllowAnonymous]
public sealed class AccountController(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> userManager,
    IEmailSender email,
    IOptions<CoachingOptions> options,
    AuditLog audit,
    DecoyPasswordCheck decoy,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet("connexion")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("connexion")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    [RateLimits.PerAccount]
    public async Task<IActionResult> Login(LoginForm form, [FromServices] IValidator<LoginForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState)) return View(form);

        var user = await userManager.FindByEmailAsync(form.Email!);
        if (user is { IsActive: true })
        {
            var result = await signInManager.PasswordSignInAsync(user, form.Password!, form.RememberMe, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                logger.LogInformation("User {UserId} signed in", user.Id);
                await audit.WriteAsync(AuditAction.SignIn, AuditTarget.Account, user.Id, actorId: user.Id);
                return Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : RedirectToAction("Index", "Home");
            }
            if (result.RequiresTwoFactor)
                return RedirectToAction("Code", "TwoFactorSignIn", new { returnUrl = form.ReturnUrl, rememberMe = form.RememberMe });
            if (result.IsLockedOut)
            {
                logger.LogWarning("User {UserId} locked out", user.Id);
                await audit.WriteAsync(AuditAction.SignInFailed, AuditTarget.Account, user.Id, "Compte bloqué", actorId: user.Id);
                // A locked account skips the password check: spend the same time, and answer as for any wrong password.
                decoy.Verify(form.Password!);
                return WrongCredentials(form);
            }
        }
        // An unknown or deactivated address costs one password hash too, so that the answer's time tells nothing.
        else decoy.Verify(form.Password!);
        logger.LogWarning("Failed sign-in");
        // A known account is named by its id; an unknown address only by its keyed hash.
        if (user is not null) await audit.WriteAsync(AuditAction.SignInFailed, AuditTarget.Account, user.Id, actorId: user.Id);
        else await audit.WriteAsync(AuditAction.SignInFailed, failedEmail: form.Email);
        return WrongCredentials(form);
    }

    /// <summary>The one answer to every refused sign-in (wrong password, unknown or deactivated address, locked account).</summary>
    private ViewResult WrongCredentials(LoginForm form)
    {
        ModelState.AddModelError("", "Adresse e-mail ou mot de passe incorrect.");
        form.Password = null;
        return View(form);
    }

    [HttpPost("deconnexion")]
    public async Task<IActionResult> Logout()
    {
        if (userManager.GetUserId(User) is { } userId) await audit.WriteAsync(AuditAction.SignOut, AuditTarget.Account, userId, actorId: userId);
        await signInManager.SignOutAsync();
        TempData["Flash"] = "Vous êtes déconnecté.";
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("mot-de-passe-oublie")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost("mot-de-passe-oublie")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    [RateLimits.PerAccount]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form, [FromServices] IValidator<ForgotPasswordForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState)) return View(form);

        var user = await userManager.FindByEmailAsync(form.Email!);
        // The answer is the same whether or not the address exists, so that it cannot be used to probe accounts.
        if (user is { IsActive: true } && await userManager.HasPasswordAsync(user))
        {
            var token = await userManager.GeneratePasswordResetTokenAsync(user);
            var link = PublicBaseUrl() + Url.Action(nameof(ResetPassword), "Account", new { userId = user.Id, token });
            await email.SendAsync(user.Email!, "Réinitialisation de votre mot de passe",
                $"Bonjour {user.DisplayName},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable 2 heures) :\n{link}\n\n" +
                "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.");
        }
        return View("ForgotPasswordSent");
    }

    [HttpGet("reinitialiser-mot-de-passe")]
    public IActionResult ResetPassword(string? userId, string? token) =>
        View(new SetPasswordForm { UserId = userId, Token = token });

    [HttpPost("reinitialiser-mot-de-passe")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    [RateLimits.PerAccount]
    public async Task<IActionResult> ResetPassword(SetPasswordForm form, [FromServices] IValidator<SetPasswordForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState)) return View(form);
        var user = form.UserId is null ? null : await userManager.FindByIdAsync(form.UserId);
        if (user is null)
        {
            ModelState.AddModelError("", "Ce lien n'est plus valide : il a expiré ou a déjà servi. Demandez-en un nouveau.");
            return View(form);
        }
        var result = await userManager.ResetPasswordAsync(user, form.Token ?? "", form.Password!);
        if (!result.Succeeded) return ShowErrors(form, result);
        await userManager.ResetAccessFailedCountAsync(user);
        await userManager.SetLockoutEndDateAsync(user, null);
        TempData["Flash"] = "Votre mot de passe a été changé. Vous pouvez vous connecter.";
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("invitation")]
    public IActionResult AcceptInvitation(string? userId, string? token) =>
        View(new SetPasswordForm { UserId = userId, Token = token });

    [HttpPost("invitation")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    [RateLimits.PerAccount]
    public async Task<IActionResult> AcceptInvitation(SetPasswordForm form, [FromServices] IValidator<SetPasswordForm> validator)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState)) return View(form);
        var user = form.UserId is null ? null : await userManager.FindByIdAsync(form.UserId);
        var valid = user is { IsActive: true } && !await userManager.HasPasswordAsync(user) &&
            await userManager.VerifyUserTokenAsync(user, IdentityServices.InvitationTokenProvider, IdentityServices.InvitationPurpose, form.Token ?? "");
        if (!valid)
        {
            ModelState.AddModelError("", "Cette invitation n'est plus valide : elle a expiré ou a déjà servi. Demandez une nouvelle invitation à votre conseiller.");
            return View(form);
        }
        // Adding the password renews the security stamp, which makes the invitation link unusable a second time.
        var result = await userManager.AddPasswordAsync(user!, form.Password!);
        if (!result.Succeeded) return ShowErrors(form, result);
        user!.EmailConfirmed = true;
        await userManager.UpdateAsync(user);
        await signInManager.SignInAsync(user, isPersistent: false);
        TempData["Flash"] = "Bienvenue ! Votre mot de passe est enregistré.";
        return RedirectToAction("Index", "Home");
    }

    /// <summary>
    /// Links sent by e-mail start with the configured public address: the request's Host header is chosen by whoever
    /// sends the request, and would let them mail a victim a reset link to their own site.
    /// </summary>
    private string PublicBaseUrl() =>
        options.Value.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{Request.Scheme}://{Request.Host}";

    private ViewResult ShowErrors(SetPasswordForm form, IdentityResult result)
    {
        foreach (var error in result.Errors)
            ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : "", error.Description);
        form.Password = form.ConfirmPassword = null;
        return View(form);
    }
}
