using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Plans;
using Coaching.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Features.Plans;

/// <summary>The results page and the plan page: ranking that agrees with the proposal, status in place, axis titles, removal asked.</summary>
[Collection(CaseworkChangesApp.Collection)]
public sealed class PlanNextStepsTests(CaseworkChangesApp app)
{
    [Fact]
    public async Task The_results_page_ranks_like_the_proposal_and_its_formulas_add_up_with_the_numbers_shown()
    {
        var merchantId = app.Ids.MerchantA;
        var assessmentId = await app.QueryAsync(db => db.Assessments.Where(a => a.MerchantId == merchantId && a.Status == AssessmentStatus.Completed)
            .OrderByDescending(a => a.CompletedAt).ThenByDescending(a => a.Id).Select(a => a.Id).FirstAsync());
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var results = await advisor.GetPageAsync($"/diagnostics/{assessmentId}");

        // Next steps: the plan and the case file.
        Assert.NotNull(results.Document.QuerySelector($"a[href='/dossiers/{merchantId}/plan/proposition']"));
        Assert.Contains(results.Document.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Retour au dossier");

        var ranked = results.Document.QuerySelectorAll(".recommendations li").ToList();
        Assert.NotEmpty(ranked);
        var formula = new Regex(@"(?<score>\d+(,\d)?) = écart (?<gap>\d+) × impact (?<impact>\d) ÷ effort (?<effort>\d)");
        foreach (var li in ranked)
        {
            var match = formula.Match(li.TextContent);
            Assert.True(match.Success, li.TextContent);
            double Read(string name) => double.Parse(match.Groups[name].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
            Assert.Equal(Math.Round(Read("gap") * Read("impact") / Read("effort"), 1, MidpointRounding.AwayFromZero), Read("score"));
        }

        var proposal = await advisor.GetPageAsync($"/dossiers/{merchantId}/plan/proposition");
        var proposed = proposal.Document.QuerySelectorAll(".proposal__item label").Select(l => l.TextContent.Trim()).ToList();
        var resultsOrder = ranked.Select(li => li.QuerySelector("strong")!.TextContent.Trim()).ToList();
        // The proposal leaves out what is already in the plan; the rest comes in the same order.
        Assert.Equal(resultsOrder.Where(proposed.Contains), proposed);
    }

    [Fact]
    public async Task The_plan_page_changes_a_status_in_place_shows_axis_titles_and_asks_before_removing()
    {
        var merchantId = (await app.MerchantsWithPlanOfAdvisorAAsync()).First(id => id != app.Ids.MerchantA);
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var url = $"/dossiers/{merchantId}/plan";
        var page = await advisor.GetPageAsync(url);
        var items = await app.PlanItemsAsync(merchantId);
        var item = items.First(i => i.Status != PlanItemStatus.Done);

        var codes = await app.QueryAsync(db => db.CatalogActions.Select(a => a.AxisCode).Distinct().ToListAsync());
        Assert.DoesNotContain(codes, code => page.Text.Contains("Axe " + code, StringComparison.Ordinal));
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Émettre la feuille de route");

        var wrong = await advisor.SubmitAsync(page, $"{url}/actions/{item.Id}/statut", ("status", "Bidule")).ToPageAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.Status);
        Assert.Contains("Choisissez un statut dans la liste.", string.Join(" ", wrong.FormErrors));

        var done = await advisor.SubmitAsync(page, $"{url}/actions/{item.Id}/statut", ("status", "Done"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.EndsWith($"#action-{item.Id}", done.Headers.Location!.OriginalString);
        var saved = (await app.PlanItemsAsync(merchantId)).Single(i => i.Id == item.Id);
        Assert.Equal(PlanItemStatus.Done, saved.Status);
        Assert.NotNull(saved.CompletedAt);

        // The page loaded before that change is stale for this action: refused, nothing changed.
        var stale = await advisor.SubmitAsync(page, $"{url}/actions/{item.Id}/statut", ("status", "ToDo"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(PlanItemStatus.Done, (await app.PlanItemsAsync(merchantId)).Single(i => i.Id == item.Id).Status);

        // Removing goes through a confirmation page; « Garder l'action » keeps it.
        page = await advisor.GetPageAsync(url);
        var removeLink = page.Document.QuerySelector($"a[href='{url}/actions/{item.Id}/retirer']");
        Assert.NotNull(removeLink);
        var confirm = await advisor.GetPageAsync($"{url}/actions/{item.Id}/retirer");
        Assert.NotNull(confirm.Document.QuerySelector($"a[href='{url}#action-{item.Id}']"));
        Assert.Contains(await app.PlanItemsAsync(merchantId), i => i.Id == item.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await advisor.SubmitAsync(confirm, $"{url}/actions/{item.Id}/retirer")).StatusCode);
        Assert.DoesNotContain(await app.PlanItemsAsync(merchantId), i => i.Id == item.Id);
    }
}
