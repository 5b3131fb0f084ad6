using Coaching.Core.Clubs;
using Coaching.Core.Data;
using Coaching.Core.ReferenceData;
using Coaching.Web.Hosting;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.French;

namespace Coaching.Web.Features.Settings;

/// <summary>The club's settings: name and contact shown in pages, emails and documents, and its logo.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("reglages")]
public sealed class SettingsController(CoachingDbContext db, ClubProfiles profiles, TimeProvider clock) : Controller
{
    public const long MaxLogoBytes = 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var club = await db.Clubs.AsNoTracking().SingleAsync(c => c.Id == User.ToViewer().ClubId, cancellationToken);
        return View(await ViewModelAsync(ClubSettingsForm.From(club, db.VersionOf(club))));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(ClubSettingsForm form, [FromServices] IValidator<ClubSettingsForm> validator, CancellationToken cancellationToken)
    {
        if (!await validator.ValidateIntoAsync(form, ModelState)) return View(await ViewModelAsync(form));
        var club = await db.Clubs.SingleAsync(c => c.Id == User.ToViewer().ClubId, cancellationToken);
        if (!db.IsVersion(club, form.Version))
        {
            ModelState.AddModelError("", $"Les réglages ont été modifiés par quelqu'un d'autre pendant que vous les modifiiez (nom enregistré : « {club.Name} »). Vos saisies sont conservées : enregistrez à nouveau pour les garder.");
            ModelState.Remove(nameof(form.Version));
            form.Version = db.VersionOf(club);
            return View(await ViewModelAsync(form));
        }
        club.Name = form.Name!.Trim();
        club.ContactEmail = string.IsNullOrWhiteSpace(form.ContactEmail) ? null : form.ContactEmail.Trim();
        club.Phone = FrenchPhone.Normalize(form.Phone);
        club.Website = string.IsNullOrWhiteSpace(form.Website) ? null : form.Website.Trim();
        await db.SaveChangesAsync(cancellationToken);
        profiles.Forget(club.Id);
        TempData["Flash"] = "Les réglages du club sont enregistrés.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("logo")]
    [RequestSizeLimit(MaxLogoBytes + 64 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxLogoBytes + 64 * 1024)]
    public async Task<IActionResult> UploadLogo(IFormFile? logo, CancellationToken cancellationToken)
    {
        var club = await db.Clubs.SingleAsync(c => c.Id == User.ToViewer().ClubId, cancellationToken);
        byte[] content = [];
        if (logo is null || logo.Length == 0) ModelState.AddModelError("logo", "Choisissez une image PNG ou JPEG.");
        else if (logo.Length > MaxLogoBytes) ModelState.AddModelError("logo", "Le logo dépasse 1 Mo : réduisez l'image.");
        else
        {
            using var buffer = new MemoryStream();
            await logo.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
            if (LogoFormat.Detect(content) is null) ModelState.AddModelError("logo", "Ce fichier n'est pas une image PNG ou JPEG.");
        }
        if (!ModelState.IsValid) return View(nameof(Index), await ViewModelAsync(ClubSettingsForm.From(club, db.VersionOf(club))));

        var stored = await db.ClubLogos.SingleOrDefaultAsync(l => l.ClubId == club.Id, cancellationToken);
        if (stored is null) db.ClubLogos.Add(stored = new ClubLogo { ClubId = club.Id, Content = content, ContentType = LogoFormat.ContentType(content)! });
        stored.Content = content;
        stored.ContentType = LogoFormat.ContentType(content)!;
        stored.UploadedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        profiles.Forget(club.Id);
        TempData["Flash"] = "Le logo est enregistré.";
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("logo/supprimer")]
    public async Task<IActionResult> RemoveLogo(CancellationToken cancellationToken)
    {
        var club = await db.Clubs.SingleAsync(c => c.Id == User.ToViewer().ClubId, cancellationToken);
        if (await db.ClubLogos.SingleOrDefaultAsync(l => l.ClubId == club.Id, cancellationToken) is { } stored)
        {
            db.ClubLogos.Remove(stored);
            await db.SaveChangesAsync(cancellationToken);
            profiles.Forget(club.Id);
        }
        TempData["Flash"] = "Le logo est retiré.";
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The logo, for the page header and the sign-in page.</summary>
    [HttpGet("logo")]
    [AllowAnonymous]
    [ResponseCache(Duration = 300, Location = ResponseCacheLocation.Any)]
    public async Task<IActionResult> Logo(CancellationToken cancellationToken)
    {
        var logo = await profiles.GetLogoAsync(User.Identity?.IsAuthenticated == true ? User.ToViewer().ClubId : 0, cancellationToken);
        if (logo is null) return NotFound();
        return File(logo.Content, logo.ContentType);
    }

    private async Task<ClubSettingsViewModel> ViewModelAsync(ClubSettingsForm form) =>
        new(form, (await profiles.GetAsync(User.ToViewer().ClubId)).HasLogo);
}

public sealed record ClubSettingsViewModel(ClubSettingsForm Form, bool HasLogo);
