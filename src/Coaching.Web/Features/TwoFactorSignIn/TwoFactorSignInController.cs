using Coaching.Core.Audit;
using Coaching.Core.Identity;
using Coaching.Web.Features.Security;
using Coaching.Web.Features.Audit;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Coaching.Web.French;
using Microsoft.AspNetCore.RateLimiting;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.TwoFactorSignIn;

/// <summary>
/// The second step of signing in for accounts with two-factor sign-in: after the password, a code from the
/// authenticator app or a one-time recovery code. Failed codes count towards the same lockout as passwords.
/// </summary>
[AllowAnonymous]
public sealed class TwoFactorSignInController(SignInManager<AppUser> signIn, AuditLog audit, ILogger<TwoFactorSignInController> logger) : Controller
{
    private const string Expired = "Votre connexion a expiré : saisissez de nouveau votre adresse e-mail et votre mot de passe.";
    private const string LockedOut = "Trop de tentatives : ce compte est bloqué pendant 5 minutes.";

    [HttpGet("connexion/code")]
    public async Task<IActionResult> Code(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return BackToLogin();
        return View(new TwoFactorCodeForm { ReturnUrl = returnUrl, RememberMe = rememberMe });
    }

    [HttpPost("connexion/code")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    [RateLimits.PerAccount]
    public async Task<IActionResult> Code(TwoFactorCodeForm form, [FromServices] IValidator<TwoFactorCodeForm> validator)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return BackToLogin();
        if (!await validator.ValidateIntoAsync(form, ModelState)) return View(form);

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(AuthenticatorCode.Normalize(form.Code), form.RememberMe, form.RememberDevice);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in with an authenticator code", user.Id);
            await audit.WriteAsync(AuditAction.SignIn, AuditTarget.Account, user.Id, "Code", actorId: user.Id);
            return SignedIn(form.ReturnUrl);
        }
        logger.LogWarning("User {UserId} gave a wrong authenticator code", user.Id);
        await audit.WriteAsync(AuditAction.SignInFailed, AuditTarget.Account, user.Id, "Code", actorId: user.Id);
        ModelState.AddModelError(nameof(form.Code), result.IsLockedOut ? LockedOut : "Code incorrect ou expiré : saisissez le code affiché maintenant.");
        form.Code = null;
        return View(form);
    }

    [HttpGet("connexion/code-de-secours")]
    public async Task<IActionResult> Recovery(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return BackToLogin();
        return View(new RecoveryCodeForm { ReturnUrl = returnUrl });
    }

    [HttpPost("connexion/code-de-secours")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    [RateLimits.PerAccount]
    public async Task<IActionResult> Recovery(RecoveryCodeForm form, [FromServices] IValidator<RecoveryCodeForm> validator)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return BackToLogin();
        if (!await validator.ValidateIntoAsync(form, ModelState)) return View(form);

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code!.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in with a recovery code", user.Id);
            await audit.WriteAsync(AuditAction.SignIn, AuditTarget.Account, user.Id, "Code de secours", actorId: user.Id);
            TempData["Flash"] = "Vous êtes connecté avec un code de secours, qui ne servira plus. Pensez à en générer de nouveaux (Sécurité du compte).";
            return SignedIn(form.ReturnUrl);
        }
        logger.LogWarning("User {UserId} gave a wrong recovery code", user.Id);
        await audit.WriteAsync(AuditAction.SignInFailed, AuditTarget.Account, user.Id, "Code de secours", actorId: user.Id);
        ModelState.AddModelError(nameof(form.Code), result.IsLockedOut ? LockedOut : "Ce code de secours n'est pas valide ou a déjà servi.");
        form.Code = null;
        return View(form);
    }

    private IActionResult SignedIn(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction("Index", "Home");

    private RedirectToActionResult BackToLogin()
    {
        TempData["Flash"] = Expired;
        return RedirectToAction("Login", "Account");
    }
}
