using Coaching.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features;

/// <summary>Looks up seeded casework data for the integration tests.</summary>
internal static class CaseworkData
{
    /// <summary>Merchants of advisor A that have a seeded plan (merchant A first), so that tests can each take their own.</summary>
    public static Task<List<int>> MerchantsWithPlanOfAdvisorAAsync(this CoachingAppFactory app) =>
        app.QueryAsync(db => db.ActionPlans.Where(p => p.Merchant!.AssignedAdvisorId == app.Ids.AdvisorAUserId)
            .OrderBy(p => p.MerchantId).Select(p => p.MerchantId).ToListAsync());

    public static Task<List<ActionPlanItem>> PlanItemsAsync(this CoachingAppFactory app, int merchantId) =>
        app.QueryAsync(db => db.ActionPlanItems.AsNoTracking().Where(i => i.Plan!.MerchantId == merchantId).OrderBy(i => i.Position).ToListAsync());

    public static Task<string> MerchantNameAsync(this CoachingAppFactory app, int merchantId) =>
        app.QueryAsync(db => db.Merchants.Where(m => m.Id == merchantId).Select(m => m.BusinessName).SingleAsync());

    public static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
