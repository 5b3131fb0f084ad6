using Coaching.Core.Audit;
using Coaching.Web.Hosting;
using Coaching.Core.Data;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Coaching.Web.Features.Shared;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Features.Audit;
using Coaching.Web.French;

namespace Coaching.Web.Features.Users;

/// <summary>Accounts and invitations. Admins invite anyone, club managers their staff and merchants, advisors their merchants.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("comptes")]
public sealed class UsersController(
    CoachingDbContext db,
    UserManager<AppUser> users,
    InvitationSender invitations,
    CaseFileAccess files) : Controller
{
    [Route("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var editableMerchants = db.Merchants.ReadableBy(viewer).Where(m => viewer.ManagesClub || m.AssignedAdvisorId == viewer.UserId).Select(m => m.Id);
        var rows = await (
            from u in db.Users.AsNoTracking()
            where u.ClubId == viewer.ClubId && (viewer.ManagesClub || (u.MerchantId != null && editableMerchants.Contains(u.MerchantId.Value)))
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            join m in db.Merchants on u.MerchantId equals m.Id into merchants
            from m in merchants.DefaultIfEmpty()
            orderby u.DisplayName
            select new UserRow(u.Id, u.DisplayName, u.Email ?? "", r.Name!, u.PasswordHash != null, u.IsActive, m != null ? m.BusinessName : null, u.MerchantId))
            .ToListAsync(cancellationToken);
        return View(new UsersIndexViewModel(rows, viewer.ManagesClub, viewer.UserId));
    }

    [HttpGet("inviter")]
    public async Task<IActionResult> Invite(int? merchantId, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var form = new InviteForm { MerchantId = merchantId, Role = merchantId is null ? null : Roles.Merchant };
        if (merchantId is { } id)
        {
            var file = await files.EditAsync(id, cancellationToken);
            if (file.IsDenied) return file.Denied;
            var merchant = file.Merchant;
            form.DisplayName = merchant.ContactName;
            form.Email = merchant.Email;
        }
        return View(await InviteViewAsync(form, cancellationToken));
    }

    [HttpPost("inviter")]
    [Audited(AuditAction.Change, AuditTarget.Account)]
    public async Task<IActionResult> Invite(InviteForm form, [FromServices] IValidator<InviteForm> validator, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        if (!await validator.ValidateIntoAsync(form, ModelState)) return View(await InviteViewAsync(form, cancellationToken));

        if (!Roles.InvitableBy(viewer.Role).Contains(form.Role!))
            ModelState.AddModelError(nameof(form.Role), "Vous ne pouvez pas inviter une personne avec ce rôle.");
        if (form.Role == Roles.Merchant)
        {
            var merchant = await db.Merchants.AsNoTracking().SingleOrDefaultAsync(m => m.Id == form.MerchantId && m.ClubId == viewer.ClubId, cancellationToken);
            if (merchant is null || !viewer.CanEdit(merchant))
                ModelState.AddModelError(nameof(form.MerchantId), "Choisissez un dossier de votre portefeuille.");
        }
        if (await users.FindByEmailAsync(form.Email!) is not null)
            ModelState.AddModelError(nameof(form.Email), "Un compte existe déjà avec cette adresse e-mail.");
        if (!ModelState.IsValid) return View(await InviteViewAsync(form, cancellationToken));

        var (user, created) = await invitations.CreateAccountAsync(viewer, form, cancellationToken);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors) ModelState.AddModelError(nameof(form.Email), error.Description);
            return View(await InviteViewAsync(form, cancellationToken));
        }
        return View("Invited", await invitations.SendAsync(user, InvitationLink, User.DisplayName()));
    }

    [HttpPost("{id}/renvoyer-invitation")]
    [Audited(AuditAction.Change, AuditTarget.Account, "id")]
    public async Task<IActionResult> ResendInvitation(string id)
    {
        var (user, denied) = await FindManageableAsync(id);
        if (denied is not null) return denied;
        if (await users.HasPasswordAsync(user!))
        {
            TempData["Flash"] = "Ce compte est déjà activé : aucune invitation n'a été renvoyée.";
            return RedirectToAction(nameof(Index));
        }
        // A new stamp voids the links sent before.
        await users.UpdateSecurityStampAsync(user!);
        return View("Invited", await invitations.SendAsync(user!, InvitationLink, User.DisplayName()));
    }

    [HttpPost("{id}/activation")]
    [Authorize(Policy = Policies.ClubManagement)]
    [Audited(AuditAction.Change, AuditTarget.Account, "id")]
    public async Task<IActionResult> SetActive(string id, bool active)
    {
        var (user, denied) = await FindManageableAsync(id);
        if (denied is not null) return denied;
        if (!ModelState.IsValid)
        {
            // "active" that is neither true nor false binds as false: never read a tampered form as "deactivate".
            TempData["Flash"] = "Demande incorrecte : le compte n'a pas été modifié.";
            return RedirectToAction(nameof(Index));
        }
        if (user!.Id == User.ToViewer().UserId)
        {
            TempData["Flash"] = "Vous ne pouvez pas désactiver votre propre compte.";
            return RedirectToAction(nameof(Index));
        }
        if (user.IsActive == active)
        {
            TempData["Flash"] = active ? $"Le compte de {user.DisplayName} est déjà actif." : $"Le compte de {user.DisplayName} est déjà désactivé.";
            return RedirectToAction(nameof(Index));
        }
        user.IsActive = active;
        await users.UpdateAsync(user);
        // Sessions already open end at the next security-stamp check.
        await users.UpdateSecurityStampAsync(user);
        TempData["Flash"] = active ? $"Le compte de {user.DisplayName} est réactivé." : $"Le compte de {user.DisplayName} est désactivé.";
        return RedirectToAction(nameof(Index));
    }

    private string InvitationLink(string userId, string token) =>
        Url.Action("AcceptInvitation", "Account", new { userId, token }, Request.Scheme)!;

    private async Task<(AppUser? User, IActionResult? Denied)> FindManageableAsync(string id)
    {
        var viewer = User.ToViewer();
        var user = await users.FindByIdAsync(id);
        if (user is null || user.ClubId != viewer.ClubId) return (null, NotFound());
        if (viewer.ManagesClub) return (user, null);
        var merchant = user.MerchantId is { } merchantId ? await db.Merchants.FindAsync(merchantId) : null;
        return merchant is not null && viewer.CanEdit(merchant) ? (user, null) : (null, Forbid());
    }

    private async Task<InviteViewModel> InviteViewAsync(InviteForm form, CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var merchants = await db.Merchants.AsNoTracking().ReadableBy(viewer)
            .Where(m => viewer.ManagesClub || m.AssignedAdvisorId == viewer.UserId)
            .OrderBy(m => m.BusinessName)
            .Select(m => new MerchantChoice(m.Id, m.BusinessName + " – " + m.CommuneName))
            .ToListAsync(cancellationToken);
        var region = await db.Clubs.Where(c => c.Id == viewer.ClubId).Select(c => c.RegionCode).SingleAsync(cancellationToken);
        return new InviteViewModel(form, Roles.InvitableBy(viewer.Role), merchants, region);
    }
}
