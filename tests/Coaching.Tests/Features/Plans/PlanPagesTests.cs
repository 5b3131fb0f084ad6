using System.Net;
using Coaching.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Coaching.Tests.Support;
using Coaching.Tests.Features;
using static Coaching.Tests.Features.CaseworkData;

namespace Coaching.Tests.Features.Plans;

[Collection(AppCollection.Name)]
public sealed class PlanPagesTests(CoachingAppFactory app)
{
    private async Task<int> MerchantAsync(int index) => (await app.MerchantsWithPlanOfAdvisorAAsync()).Where(id => id != app.Ids.MerchantA).ElementAt(index);

    [Fact]
    public async Task The_plan_shows_done_current_and_overdue_actions_of_the_demo()
    {
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var page = await client.GetPageAsync($"/dossiers/{app.Ids.MerchantA}/plan");
        Assert.Contains("Fait", page.Text);
        Assert.Contains("En cours", page.Text);
        Assert.Contains("En retard", page.Text);
        Assert.Contains("Historique du plan", page.Text);
    }

    [Fact]
    public async Task Reordering_refuses_impossible_positions_in_french_and_records_real_moves()
    {
        var merchantId = await MerchantAsync(0);
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var url = $"/dossiers/{merchantId}/plan";
        var items = await app.PlanItemsAsync(merchantId);
        var page = await client.GetPageAsync(url);

        var tooFar = await client.SubmitAsync(page, $"{url}/actions/{items[0].Id}/deplacer", ("position", "99")).ToPageAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooFar.Status);
        Assert.Contains($"Position impossible : choisissez une position entre 1 et {items.Count}.", tooFar.FormErrors);

        var up = await client.PostFormAsync($"{url}/actions/{items[0].Id}/deplacer", page, ("direction", "haut"),
            ("planVersion", page.InputValue("planVersion")!)).ToPageAsync();
        Assert.Contains("déjà en tête du plan", string.Join(" ", up.FormErrors));

        var down = await client.PostFormAsync($"{url}/actions/{items[0].Id}/deplacer", page, ("direction", "bas"), ("planVersion", page.InputValue("planVersion")!));
        Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);
        var after = await app.PlanItemsAsync(merchantId);
        Assert.Equal(items[1].Id, after[0].Id);
        Assert.Equal(items[0].Id, after[1].Id);

        // The page loaded before the move is stale now: its request is refused, nothing is lost.
        var stale = await client.PostFormAsync($"{url}/actions/{items[1].Id}/deplacer", page, ("direction", "bas"), ("planVersion", page.InputValue("planVersion")!)).ToPageAsync();
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("descendre une action", stale.Text);
        Assert.Equal(after.Select(i => i.Id), (await app.PlanItemsAsync(merchantId)).Select(i => i.Id));
        var history = await client.GetPageAsync(url);
        Assert.Contains("déplacée de la position 1 à la position 2", history.Text);
    }

    [Fact]
    public async Task Adding_from_the_catalogue_and_removing_are_recorded()
    {
        var merchantId = await MerchantAsync(1);
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var url = $"/dossiers/{merchantId}/plan";
        var page = await client.GetPageAsync(url);
        var code = page.Document.QuerySelector("select[name='code'] option")!.GetAttribute("value")!;

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(page, $"{url}/ajouter", ("code", code))).StatusCode);
        var added = (await app.PlanItemsAsync(merchantId)).Single(i => i.ActionCode == code && i.IsOpen);

        // « Retirer » asks first: a confirmation step, then the removal.
        page = await client.GetPageAsync(url);
        Assert.NotNull(page.Document.QuerySelector($"a[href='{url}/actions/{added.Id}/retirer']"));
        Assert.Null(page.Document.QuerySelector($"form[action='{url}/actions/{added.Id}/retirer']"));
        var confirm = await client.GetPageAsync($"{url}/actions/{added.Id}/retirer");
        Assert.Contains("du plan ?", HtmlPage.Plain(confirm.Document.QuerySelector("h1")!.TextContent));
        Assert.Contains(await app.PlanItemsAsync(merchantId), i => i.Id == added.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(confirm, $"{url}/actions/{added.Id}/retirer")).StatusCode);
        Assert.DoesNotContain(await app.PlanItemsAsync(merchantId), i => i.Id == added.Id);
        var events = await app.QueryAsync(db => db.CaseEvents.Where(e => e.MerchantId == merchantId && e.Kind == Coaching.Core.Merchants.CaseEventKind.PlanChanged)
            .Select(e => e.Summary).ToListAsync());
        Assert.Contains(events, e => e.StartsWith("Action ajoutée au plan", StringComparison.Ordinal));
        Assert.Contains(events, e => e.StartsWith("Action retirée du plan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_edits_of_an_action_are_caught_and_the_loser_keeps_their_input()
    {
        var merchantId = await MerchantAsync(1);
        var item = (await app.PlanItemsAsync(merchantId)).First(i => i.IsOpen);
        var url = $"/dossiers/{merchantId}/plan/actions/{item.Id}";
        var advisor = await app.CreateClientAs(Persona.AdvisorA);
        var manager = await app.CreateClientAs(Persona.Manager);
        var pageA = await advisor.GetPageAsync(url);
        var pageB = await manager.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, (await advisor.SubmitAsync(pageA, url, ("Status", nameof(PlanItemStatus.Done)))).StatusCode);
        var conflict = await manager.SubmitAsync(pageB, url, ("ProgressNotes", "Relancer le prestataire"), ("DueDate", "2030-01-15")).ToPageAsync();

        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains("modifiée par quelqu'un d'autre", string.Join(" ", conflict.FormErrors));
        Assert.Contains("Fait", conflict.Document.QuerySelector(".conflict")!.TextContent);
        Assert.Equal("Relancer le prestataire", conflict.Document.QuerySelector("textarea[name='ProgressNotes']")!.TextContent);
        Assert.Equal("2030-01-15", conflict.InputValue("DueDate"));
        var stored = (await app.PlanItemsAsync(merchantId)).Single(i => i.Id == item.Id);
        Assert.Equal(PlanItemStatus.Done, stored.Status);
        Assert.NotEqual("Relancer le prestataire", stored.ProgressNotes);
    }

    [Fact]
    public async Task Without_a_completed_diagnostic_there_is_nothing_to_propose()
    {
        var merchantId = await MerchantAsync(0);
        var client = await app.CreateClientAs(Persona.AdvisorA);
        var hasDiagnostic = await app.QueryAsync(db => db.Assessments.AnyAsync(a => a.MerchantId == merchantId));
        var page = await client.GetPageAsync($"/dossiers/{merchantId}/plan/proposition");
        if (!hasDiagnostic) Assert.Contains("aucun diagnostic terminé", page.Text);
    }
}
