using System.Net;
using Coaching.Core.Data;
using Coaching.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Tests.Features.Sessions;

/// <summary>Lists after a reassignment: the former advisor keeps his sessions but no link he could not open.</summary>
[Collection(CaseworkChangesApp.Collection)]
public sealed class ReassignedSessionsTests(CaseworkChangesApp app)
{
    [Fact]
    public async Task After_a_reassignment_the_former_advisor_s_sessions_name_the_merchant_without_a_link()
    {
        var (sessionId, merchantId) = await app.QueryAsync(db => db.SessionMerchants
            .Where(m => m.Session!.Advisors.Any(a => a.AdvisorId == app.Ids.AdvisorAUserId) && m.Merchant!.AssignedAdvisorId == app.Ids.AdvisorAUserId
                && m.Session.Merchants.Count == 1 && m.MerchantId != app.Ids.MerchantA) // merchant A serves the other tests of the class
            .OrderBy(m => m.SessionId)
            .Select(m => new ValueTuple<int, int>(m.SessionId, m.MerchantId)).FirstAsync());
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        Assert.NotNull((await advisor.GetPageAsync($"/seances/{sessionId}")).Document.QuerySelector($"a[href='/dossiers/{merchantId}/plan']"));

        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<CoachingDbContext>();
            var merchant = await db.Merchants.SingleAsync(m => m.Id == merchantId);
            merchant.AssignedAdvisorId = app.Ids.AdvisorBUserId;
            return await db.SaveChangesAsync();
        });

        var name = await app.MerchantNameAsync(merchantId);
        var details = await advisor.GetPageAsync($"/seances/{sessionId}");
        Assert.Contains(name, details.Text);
        Assert.DoesNotContain(details.Document.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains($"/{merchantId}", StringComparison.Ordinal)
            && !(a.GetAttribute("href") ?? "").StartsWith("/seances", StringComparison.Ordinal));
        var mine = await advisor.GetPageAsync("/seances");
        Assert.Contains(name, mine.Text);
        Assert.DoesNotContain(mine.Document.QuerySelectorAll("a"), a => a.TextContent.Trim() == name);
    }
}
