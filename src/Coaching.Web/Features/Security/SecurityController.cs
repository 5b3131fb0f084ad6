using Coaching.Core.Audit;
using Coaching.Web.Hosting;
using Coaching.Core.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Coaching.Web.Features.Audit;
using Coaching.Web.French;
using Microsoft.EntityFrameworkCore;
using Coaching.Core.Data;

namespace Coaching.Web.Features.Security;

/// <summary>
/// Every signed-in person sees and ends the sessions of their account; staff, who open merchants' case files, also turn
/// two-factor sign-in with an authenticator app on and off and renew their recovery codes.
/// </summary>
[Authorize]
[Route("compte/securite")]
public sealed class SecurityController(
    UserManager<AppUser> users,
    SignInManager<AppUser> signIn,
    CoachingDbContext db,
    TimeProvider clock,
    IAuthorizationService authorization,
    ILogger<SecurityController> logger) : Controller
{
    public const string Issuer = "Coaching";
    private const int RecoveryCodeCount = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUserAsync();
        var now = clock.GetUtcNow();
        var current = HttpContext.Items[DatabaseTicketStore.CurrentSessionItem] as string;
        var sessions = (await db.UserSessions.AsNoTracking()
                .Where(s => s.UserId == user.Id && s.SecurityStamp == user.SecurityStamp && s.ExpiresAt > now)
                .Select(s => new { s.Id, s.UserAgent, s.IpAddress, s.CreatedAt, s.LastSeenAt })
                .ToListAsync())
            .OrderByDescending(s => s.Id == current).ThenByDescending(s => s.LastSeenAt)
            .Select(s => new SessionRow(s.Id, DeviceName.Describe(s.UserAgent), s.IpAddress, s.CreatedAt, s.LastSeenAt, s.Id == current))
            .ToList();
        // The same policy as the two-factor actions: the page offers exactly what they allow.
        var staff = (await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded;
        return View(new SecurityPage(staff, user.TwoFactorEnabled, staff ? await users.CountRecoveryCodesAsync(user) : 0, sessions));
    }

    /// <summary>Ends one of the person's other sessions (another browser or device): its next request is signed out.</summary>
    [HttpPost("sessions/terminer")]
    [Audited(AuditAction.Change, AuditTarget.Account)]
    public async Task<IActionResult> EndSession(string? id)
    {
        var userId = users.GetUserId(User);
        var current = HttpContext.Items[DatabaseTicketStore.CurrentSessionItem] as string;
        var ended = id is null || id == current ? 0
            : await db.UserSessions.Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync();
        if (ended > 0) logger.LogInformation("User {UserId} ended one of their other sessions", userId);
        TempData["Flash"] = ended > 0 ? "La session a été fermée : cet appareil devra se reconnecter." : "Cette session est déjà fermée.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("authentificateur")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Setup()
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        return View(await SetupFormAsync(user, new AuthenticatorSetupForm()));
    }

    [HttpPost("authentificateur")]
    [Authorize(Policy = Policies.Staff)]
    [Audited(AuditAction.Change, AuditTarget.Account)]
    public async Task<IActionResult> Setup(AuthenticatorSetupForm form, [FromServices] IValidator<AuthenticatorSetupForm> validator)
    {
        var user = await CurrentUserAsync();
        if (user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        if (!await validator.ValidateIntoAsync(form, ModelState)) return View(await SetupFormAsync(user, form));

        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, AuthenticatorCode.Normalize(form.Code));
        if (!valid)
        {
            ModelState.AddModelError(nameof(form.Code),
                "Ce code ne correspond pas. Vérifiez que l'heure de votre téléphone est juste et saisissez le code affiché maintenant.");
            form.Code = null;
            return View(await SetupFormAsync(user, form));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        // Turning 2FA on renews the security stamp: refresh this session's cookie so it is not ended at the next check.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} turned on two-factor sign-in", user.Id);
        return View("RecoveryCodes", codes.ToList());
    }

    [HttpPost("codes-de-secours")]
    [Authorize(Policy = Policies.Staff)]
    [Audited(AuditAction.Change, AuditTarget.Account)]
    public async Task<IActionResult> RenewRecoveryCodes()
    {
        var user = await CurrentUserAsync();
        if (!user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        logger.LogInformation("User {UserId} renewed their recovery codes", user.Id);
        return View("RecoveryCodes", codes.ToList());
    }

    [HttpGet("desactiver")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Disable()
    {
        var user = await CurrentUserAsync();
        if (!user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        return View(new DisableTwoFactorForm());
    }

    [HttpPost("desactiver")]
    [Authorize(Policy = Policies.Staff)]
    [Audited(AuditAction.Change, AuditTarget.Account)]
    public async Task<IActionResult> Disable(DisableTwoFactorForm form, [FromServices] IValidator<DisableTwoFactorForm> validator)
    {
        var user = await CurrentUserAsync();
        if (!user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        if (!await validator.ValidateIntoAsync(form, ModelState)) return View(form);
        if (!await users.CheckPasswordAsync(user, form.Password!))
        {
            ModelState.AddModelError(nameof(form.Password), "Mot de passe incorrect.");
            return View(new DisableTwoFactorForm());
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key: the old one, still in the phone, must not work again if 2FA is turned back on.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.ForgetTwoFactorClientAsync();
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} turned off two-factor sign-in", user.Id);
        TempData["Flash"] = "La double authentification est désactivée.";
        return RedirectToAction(nameof(Index));
    }

    private async Task<AppUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in staff member has no account.");

    private async Task<AuthenticatorSetupForm> SetupFormAsync(AppUser user, AuthenticatorSetupForm form)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // With two-factor sign-in off this keeps the security stamp (CoachingUserManager): the session goes on as is.
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was generated.");
        }
        form.SharedKey = AuthenticatorCode.Group(key);
        form.QrCodeDataUri = AuthenticatorUri.QrCodeDataUri(AuthenticatorUri.For(Issuer, user.Email ?? user.UserName ?? user.Id, key));
        return form;
    }
}
