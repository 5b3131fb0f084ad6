using Coaching.Core.Data;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.MySpace;

/// <summary>The merchant's own space: only ever the case file linked to the signed-in account.</summary>
[Authorize(Policy = Policies.Merchant)]
public sealed class MySpaceController(CoachingDbContext db) : Controller
{
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var viewer = User.ToViewer();
        var merchant = await db.Merchants.AsNoTracking().Include(m => m.AssignedAdvisor)
            .SingleOrDefaultAsync(m => m.Id == viewer.MerchantId, cancellationToken);
        if (merchant is null) return NotFound();
        return View(merchant);
    }
}
