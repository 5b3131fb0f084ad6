using Coaching.Core.Data;
using Coaching.Web.Features.Roadmaps;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Demo;

/// <summary>
/// Issues one roadmap for each demo merchant account, through the same issuer the advisors use (signed by the merchant's
/// advisor), so that both demo merchants find a roadmap to download in their own space. Run after the casework is seeded.
/// </summary>
public sealed class RoadmapDemoSeeder(CoachingDbContext db, RoadmapIssuer issuer, ILogger<RoadmapDemoSeeder> logger)
{
    public async Task SeedAsync(IReadOnlyList<int> merchantIds, CancellationToken cancellationToken = default)
    {
        foreach (var merchantId in merchantIds)
        {
            if (await db.IssuedRoadmaps.AnyAsync(r => r.MerchantId == merchantId, cancellationToken)) continue;
            var merchant = await db.Merchants.AsNoTracking().SingleAsync(m => m.Id == merchantId, cancellationToken);
            var result = await issuer.IssueAsync(merchant, 1, merchant.AssignedAdvisorId, cancellationToken);
            logger.LogInformation("Demo roadmap for merchant {MerchantId}: {Outcome}", merchantId, result.Outcome);
        }
    }
}
