using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Documents;
using Coaching.Core.Plans;
using Coaching.Core.Roadmaps;
using Coaching.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static Coaching.Tests.Features.CaseworkData;

namespace Coaching.Tests.Features.Journeys;

/// <summary>An app of its own: these tests change plans, statuses and assignments.</summary>
public sealed class JourneyAppFactory : CoachingAppFactory;

/// <summary>Issue 14: next steps, the plan page, the merchant's undo, lists after a reassignment, the roadmap file.</summary>
public sealed class JourneyTests(JourneyAppFactory app) : IClassFixture<JourneyAppFactory>
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

    [Fact]
    public async Task The_merchant_undoes_a_done_mark_next_to_the_action_and_both_are_recorded()
    {
        var merchantId = app.Ids.MerchantB;
        var item = await app.QueryAsync(db => db.ActionPlanItems.AsNoTracking()
            .Where(i => i.Plan!.MerchantId == merchantId && (i.Status == PlanItemStatus.ToDo || i.Status == PlanItemStatus.InProgress))
            .OrderBy(i => i.Position).FirstAsync());
        var merchant = await app.CreateClientAs(Persona.MerchantB);
        var space = await merchant.GetPageAsync("/mon-espace");
        var marked = await merchant.SubmitAsync(space, $"/mon-espace/actions/{item.Id}/fait");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.EndsWith($"#fait-{item.Id}", marked.Headers.Location!.OriginalString);

        var after = await merchant.GetPageAsync("/mon-espace");
        var notice = after.Document.GetElementById($"fait-{item.Id}");
        Assert.NotNull(notice);
        Assert.Equal($"action-{item.Id}", notice.ParentElement!.Id);
        Assert.Contains("C’est noté", notice.TextContent);
        Assert.Equal(PlanItemStatus.Done, (await app.PlanItemsAsync(merchantId)).Single(i => i.Id == item.Id).Status);

        var undone = await merchant.SubmitAsync(after, $"/mon-espace/actions/{item.Id}/annuler");
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var restored = (await app.PlanItemsAsync(merchantId)).Single(i => i.Id == item.Id);
        Assert.Equal(item.Status, restored.Status);
        Assert.Null(restored.CompletedAt);
        Assert.Contains("C’est annulé", (await merchant.GetPageAsync("/mon-espace")).Document.GetElementById($"fait-{item.Id}")!.TextContent);

        var summaries = await app.QueryAsync(db => db.ActionPlanChanges.Where(c => c.ItemId == item.Id && c.ActorId == app.Ids.MerchantBUserId)
            .Select(c => c.Summary).ToListAsync());
        Assert.Contains(summaries, s => s.Contains("marquée faite par le commerçant", StringComparison.Ordinal));
        Assert.Contains(summaries, s => s.Contains("le commerçant a annulé « faite »", StringComparison.Ordinal));

        // A second « Annuler » (stale page) changes nothing.
        var again = await merchant.SubmitAsync(after, $"/mon-espace/actions/{item.Id}/annuler");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

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

    [Theory]
    [InlineData("Fleurs de l'Isle", "fleurs-de-l-isle")]
    [InlineData("  Boulangerie « Chez Œdipe » & Fils ! ", "boulangerie-chez-oedipe-fils")]
    [InlineData("Épicerie Ça-va", "epicerie-ca-va")]
    [InlineData("«»", "commerce")]
    public void The_file_name_slug_has_no_accent_nor_punctuation(string name, string slug)
    {
        Assert.Equal(slug, RoadmapFileName.Slug(name));
        var at = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal($"feuille-de-route-{slug}-2026-12-07-n1.pdf", RoadmapFileName.For(name, at, 1));
    }

    [Fact]
    public void A_table_kept_with_its_heading_moves_to_the_next_page_rather_than_start_with_one_row_at_the_foot()
    {
        var rows = Enumerable.Range(1, 6).Select(i => (IReadOnlyList<string>)[$"Ligne{i}", "x"]).ToList();
        var blocks = new List<Block>
        {
            new Paragraph("Premiere page"),
            // Leaves about 70 points: room for the heading, the header and one row, not three rows.
            new Spacer(841.89 - 48 - 18 - 70 - 70 - 20),
            new KeepTogether([new Heading("Titre du plan", 2), new Table([new("Colonne", 3), new("Autre", 1)], rows)]),
        };
        var bytes = new PdfComposer(new DocumentInfo("Test", "Test", "Test"), "En-tete", "Pied", DateTimeOffset.UnixEpoch).Render(blocks);
        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        var headingPage = pages.FindIndex(p => p.Contains("Titre du plan", StringComparison.Ordinal));
        Assert.True(headingPage > 0, "The heading stayed at the foot of the first page.");
        foreach (var row in new[] { "Ligne1", "Ligne2", "Ligne3" })
            Assert.Contains(row, pages[headingPage]);
        Assert.DoesNotContain("Ligne1", pages[0]);
    }
}
