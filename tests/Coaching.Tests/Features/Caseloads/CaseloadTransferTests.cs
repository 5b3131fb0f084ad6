using System.Net;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;
using Microsoft.EntityFrameworkCore;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Caseloads;

[Collection(AppCollection.Name)]
public sealed class CaseloadTransferTests(CoachingAppFactory app)
{
    [Fact]
    public async Task A_whole_caseload_moves_to_another_advisor_in_one_step()
    {
        var leaving = await app.CreateAccountAsync(Roles.Advisor);
        var taking = await app.CreateAccountAsync(Roles.Advisor);
        var manager = await app.CreateClientAs(Persona.Manager);
        for (var i = 0; i < 3; i++)
        {
            var create = await manager.GetPageAsync("/dossiers/nouveau");
            var created = await manager.SubmitAsync(create, "/dossiers/nouveau", TestData.ValidMerchant(TestData.NewSiret(), $"Transfert {i}", ("AssignedAdvisorId", leaving.Id)));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var page = await manager.GetPageAsync("/portefeuilles");
        var response = await manager.SubmitAsync(page, "/portefeuilles/transfert", ("FromAdvisorId", leaving.Id), ("ToAdvisorId", taking.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("3 dossiers transférés", (await manager.GetPageAsync("/portefeuilles")).Text);
        Assert.Equal(0, await app.QueryAsync(db => db.Merchants.CountAsync(m => m.AssignedAdvisorId == leaving.Id)));
        var moved = await app.QueryAsync(db => db.Merchants.Include(m => m.Events).Where(m => m.AssignedAdvisorId == taking.Id).ToListAsync());
        Assert.Equal(3, moved.Count);
        Assert.All(moved, m => Assert.Contains(m.Events, e => e.Kind == CaseEventKind.Reassigned));
    }

    [Fact]
    public async Task The_same_advisor_on_both_sides_or_an_unknown_one_is_refused_next_to_the_field()
    {
        var manager = await app.CreateClientAs(Persona.Manager);
        var page = await manager.GetPageAsync("/portefeuilles");

        var same = await manager.SubmitAsync(page, "/portefeuilles/transfert", ("FromAdvisorId", app.Ids.AdvisorAUserId), ("ToAdvisorId", app.Ids.AdvisorAUserId)).ToPageAsync();
        Assert.Contains("un autre conseiller", same.FieldError("ToAdvisorId"));

        var unknown = await manager.SubmitAsync(page, "/portefeuilles/transfert", ("FromAdvisorId", "nobody"), ("ToAdvisorId", app.Ids.AdvisorAUserId)).ToPageAsync();
        Assert.Contains("dans la liste", unknown.FieldError("FromAdvisorId"));
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
    }
}
