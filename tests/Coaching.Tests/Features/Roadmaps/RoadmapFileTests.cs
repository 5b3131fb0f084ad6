using System.Net;
using Coaching.Core.Roadmaps;
using Coaching.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Features.Roadmaps;

/// <summary>The issued roadmap's file: its name (merchant, date, number) and a plan table kept with its heading.</summary>
[Collection(CaseworkChangesApp.Collection)]
public sealed class RoadmapFileTests(CaseworkChangesApp app)
{
    [Fact]
    public async Task The_issued_roadmap_is_downloaded_under_the_merchant_s_name_the_date_and_its_number()
    {
        var merchantId = app.Ids.MerchantA;
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var url = $"/dossiers/{merchantId}/feuille-de-route";
        var page = await advisor.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.SubmitAsync(page, url)).StatusCode);
        var stored = await app.QueryAsync(db => db.IssuedRoadmaps.AsNoTracking().Where(r => r.MerchantId == merchantId)
            .OrderByDescending(r => r.Number).Select(r => new { r.Id, r.Number, r.IssuedAt, r.Merchant!.BusinessName }).FirstAsync());

        var download = await advisor.GetAsync($"{url}/{stored.Id}");
        var expected = RoadmapFileName.For(stored.BusinessName, stored.IssuedAt, stored.Number);
        Assert.Equal(expected, download.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Matches(@"^feuille-de-route-[a-z0-9]+(-[a-z0-9]+)*-\d{4}-\d{2}-\d{2}-n\d+\.pdf$", expected);
        Assert.Contains(RoadmapFileName.Slug(stored.BusinessName), expected);
    }
}
