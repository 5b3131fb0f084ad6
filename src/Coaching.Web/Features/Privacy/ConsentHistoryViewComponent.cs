using Coaching.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Privacy;

/// <summary>The consent history under the consent line of a case file.</summary>
public sealed class ConsentHistoryViewComponent(CoachingDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int merchantId)
    {
        var lines = await db.ConsentRecords.AsNoTracking().Where(c => c.MerchantId == merchantId).OrderByDescending(c => c.OccurredAt).Take(20)
            .Select(c => new ConsentLine(c.OccurredAt, c.Given, c.Method, c.RecordedBy != null ? c.RecordedBy.DisplayName : null))
            .ToListAsync();
        return View("/Features/Privacy/_ConsentHistory.cshtml", lines);
    }
}
