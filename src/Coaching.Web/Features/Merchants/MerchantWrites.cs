using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Merchants;

/// <summary>The writes of the case-file pages (create, edit, reassign), with their timeline entries; the controller checks access and input.</summary>
public sealed class MerchantWrites(CoachingDbContext db, TimeProvider clock)
{
    public async Task<Merchant> CreateAsync(Viewer viewer, MerchantForm form, string? advisorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var merchant = new Merchant { ClubId = viewer.ClubId, CreatedAt = now, AssignedAdvisorId = advisorId };
        MerchantFormMapper.Apply(form, merchant, viewer.UserId, now);
        merchant.Events.Add(Timeline.Entry(CaseEventKind.Created, $"Dossier créé : {merchant.BusinessName}.", viewer.UserId, now));
        db.Merchants.Add(merchant);
        await db.SaveChangesAsync(cancellationToken);
        return merchant;
    }

    /// <summary>Applies the form to the (tracked) merchant; the labels of the changed fields, or null when someone else saved the file meanwhile.</summary>
    public async Task<IReadOnlyList<string>?> UpdateAsync(Viewer viewer, Merchant merchant, MerchantForm form, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changes = MerchantFormMapper.Apply(form, merchant, viewer.UserId, now);
        if (changes.Count > 0)
            db.CaseEvents.Add(Timeline.Entry(CaseEventKind.Updated, "Modifié : " + string.Join(", ", changes) + ".", viewer.UserId, now, merchant.Id));
        try
        {
            db.ExpectVersion(merchant, form.Version);
            await db.SaveChangesAsync(cancellationToken);
            return changes;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>Hands the (tracked) merchant to <paramref name="advisor"/>, or to nobody; nothing when it is already so.</summary>
    public async Task ReassignAsync(Viewer viewer, Merchant merchant, StaffMember? advisor, CancellationToken cancellationToken)
    {
        if (merchant.AssignedAdvisorId == advisor?.Id) return;
        var now = clock.GetUtcNow();
        var before = merchant.AssignedAdvisor?.DisplayName ?? "aucun conseiller";
        merchant.AssignedAdvisorId = advisor?.Id;
        merchant.UpdatedAt = now;
        db.CaseEvents.Add(Timeline.Entry(CaseEventKind.Reassigned, $"Dossier confié à {advisor?.DisplayName ?? "aucun conseiller"} (auparavant : {before}).", viewer.UserId, now, merchant.Id));
        await db.SaveChangesAsync(cancellationToken);
    }
}
