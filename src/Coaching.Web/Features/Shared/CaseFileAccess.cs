using System.Diagnostics.CodeAnalysis;
using Coaching.Core.Data;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Features.Audit;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Shared;

/// <summary>
/// The one way a case-file page gets its merchant: loads the merchant named by the route id in the viewer's club and
/// applies the rules of <see cref="MerchantAccess"/> (Core). Same answer everywhere for the same situation: 404 when
/// the viewer may not read the file (unknown, another club, or not his: existence does not leak), 403 when he may read
/// but the page edits. The merchant loaded is what <see cref="AuditedAttribute"/> records. See README « Case-file access ».
/// </summary>
public sealed class CaseFileAccess(CoachingDbContext db, IHttpContextAccessor http)
{
    /// <summary>For a page that only reads the file. Untracked unless <paramref name="tracked"/>.</summary>
    public Task<CaseFile> ReadAsync(int merchantId, CancellationToken cancellationToken, bool tracked = false) =>
        LoadAsync(merchantId, edit: false, tracked, cancellationToken);

    /// <summary>For a page or a form that changes the file.</summary>
    public Task<CaseFile> EditAsync(int merchantId, CancellationToken cancellationToken, bool tracked = false) =>
        LoadAsync(merchantId, edit: true, tracked, cancellationToken);

    /// <summary>The rule alone, for a merchant loaded another way (e.g. through one of its diagnostics or sessions).</summary>
    public static IActionResult? Deny(Viewer viewer, Merchant? merchant, bool edit) =>
        merchant is null || merchant.ClubId != viewer.ClubId || !viewer.CanRead(merchant) ? new NotFoundResult()
        : edit && !viewer.CanEdit(merchant) ? new ForbidResult()
        : null;

    private async Task<CaseFile> LoadAsync(int merchantId, bool edit, bool tracked, CancellationToken cancellationToken)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("Case-file access needs a request.");
        var viewer = context.User.ToViewer();
        var query = db.Merchants.Include(m => m.AssignedAdvisor).Include(m => m.ConsentRecordedBy).AsQueryable();
        if (!tracked) query = query.AsNoTracking();
        var merchant = await query.SingleOrDefaultAsync(m => m.Id == merchantId && m.ClubId == viewer.ClubId, cancellationToken);
        var denied = Deny(viewer, merchant, edit);
        if (denied is null) AuditedAttribute.RecordTarget(context, merchant!.Id);
        return new CaseFile(denied is null ? merchant : null, denied);
    }
}

/// <summary>The merchant of a case-file page, or the answer to give instead (404 or 403).</summary>
public sealed record CaseFile(Merchant? Merchant, IActionResult? Denied)
{
    [MemberNotNullWhen(false, nameof(Merchant))]
    [MemberNotNullWhen(true, nameof(Denied))]
    public bool IsDenied => Denied is not null;
}
