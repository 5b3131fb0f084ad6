using System.Globalization;
using System.Text.RegularExpressions;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Core.Time;
using Coaching.EndToEnd.Infrastructure;
using Coaching.Web.Features.Plans;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coaching.EndToEnd;

/// <summary>
/// Issue 4, "done when": after a diagnostic the demo advisor accepts and edits the proposed plan, logs a session that
/// moves two actions forward and downloads the next appointment; two browsers editing the same plan action or the same
/// session at once lose nothing. The plan, session and portfolio pages pass axe and fit a 375-px screen.
/// </summary>
public sealed class CaseworkJourneyTests(AppFixture fixture) : BrowserTest(fixture)
{
    [BrowserFact]
    public async Task Advisor_accepts_and_edits_the_proposed_plan_logs_a_session_moving_two_actions_and_downloads_the_appointment()
    {
        var merchant = await DemoMerchants.TakeAsync(Fixture, async (services, m) =>
            (await services.GetRequiredService<PlanEditor>().ProposeAsync(m.Id, CancellationToken.None))?.Actions.Count >= 3);
        await Page.SetViewportSizeAsync(375, 740);
        await Page.SignInAsync(DemoAccounts.AdvisorA);

        // The case file after a diagnostic → its plan → the proposal.
        await CheckAsync(Page, $"/dossiers/{merchant.Id}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Plan d’action", Exact = true }).ClickAsync();
        await AfterNavigationAsync(Page, $"/dossiers/{merchant.Id}/plan$");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Proposer depuis le dernier diagnostic" }).ClickAsync();
        await AfterNavigationAsync(Page, $"/dossiers/{merchant.Id}/plan/proposition$");

        var proposed = Page.Locator("ol.proposal li");
        var count = await proposed.CountAsync();
        Assert.True(count >= 3, $"Only {count} actions proposed.");
        var titles = new List<string>();
        for (var i = 0; i < count; i++)
            titles.Add((await proposed.Nth(i).Locator("label").InnerTextAsync()).Trim());
        // Curate: the last proposal is left out.
        await Page.GetByLabel(titles[^1], new() { Exact = true }).UncheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ajouter les actions cochées au plan" }).ClickAsync();
        await AfterNavigationAsync(Page, $"/dossiers/{merchant.Id}/plan$");
        var planActions = Page.Locator("ol.plan");
        foreach (var title in titles.SkipLast(1))
            await Expect(planActions).ToContainTextAsync(title);
        await Expect(planActions.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(Regex.Escape(titles[^1]) + "$") })).ToHaveCountAsync(0);

        // Edit the first accepted action: due date, owner, notes.
        var first = titles[0];
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        // « Modifier » sits in the action's « Plus » disclosure.
        await planActions.Locator("li.plan-item").Filter(new() { HasText = first }).Locator("summary").ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Modifier « {first} »" }).ClickAsync();
        await AfterNavigationAsync(Page, $"/dossiers/{merchant.Id}/plan/actions/\\d+$");
        await Page.GetByLabel("Échéance").FillAsync(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByLabel("Qui porte l’action").SelectOptionAsync("Advisor");
        await Page.GetByLabel("Notes d’avancement").FillAsync("Fiche revue avec le commerçant ; photos à ajouter.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await AfterNavigationAsync(Page, $"/dossiers/{merchant.Id}/plan$");
        var firstItem = planActions.Locator("li.plan-item").Filter(new() { HasText = first });
        await Expect(firstItem).ToContainTextAsync("Fiche revue avec le commerçant ; photos à ajouter.");
        await Expect(firstItem).ToContainTextAsync("Porteur : Conseiller");
        await Expect(firstItem).ToContainTextAsync(due.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));

        // Log a session that moves the first two accepted actions forward, with a next appointment in a week.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle séance" }).First.ClickAsync();
        await AfterNavigationAsync(Page, "/seances/nouvelle");
        var merchants = Page.GetByRole(AriaRole.Group, new() { Name = "Commerçants" });
        await Expect(merchants.GetByLabel($"{merchant.BusinessName} ({merchant.CommuneName})", new() { Exact = true })).ToBeCheckedAsync();
        var progressed = Page.GetByRole(AriaRole.Group, new() { Name = "Actions du plan avancées pendant la séance" });
        await progressed.GetByLabel(first).CheckAsync();
        await progressed.GetByLabel(titles[1]).CheckAsync();
        await Page.GetByLabel("Notes", new() { Exact = true }).FillAsync("Fiche Google revue ; premières photos publiées.");
        var appointment = DateTimeOffset.UtcNow.AddDays(7).ToParis();
        await Page.GetByLabel("Prochain rendez-vous (heure de Paris)").FillAsync(appointment.ToString("yyyy-MM-dd'T'10:00", CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la séance" }).ClickAsync();
        await AfterNavigationAsync(Page, @"/seances/\d+$");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("La séance est enregistrée.");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(first);
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(titles[1]);

        // The next appointment downloads as an iCalendar file.
        var link = Page.GetByRole(AriaRole.Link, new() { Name = "Ajouter le prochain rendez-vous à mon agenda (.ics)" });
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", ics, StringComparison.Ordinal);
        Assert.Contains(merchant.BusinessName, ics.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var response = await Page.APIRequest.GetAsync((await link.GetAttributeAsync("href"))!);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/calendar", response.Headers["content-type"], StringComparison.Ordinal);

        // Both actions are now in progress on the plan.
        await CheckAsync(Page, $"/dossiers/{merchant.Id}/plan");
        foreach (var title in new[] { first, titles[1] })
            await Expect(planActions.Locator("li.plan-item").Filter(new() { HasText = title }).Locator(".badge").First).ToHaveTextAsync("En cours");

        // And the appointment is in the portfolio.
        await CheckAsync(Page, "/portefeuille");
        var coming = Page.GetByRole(AriaRole.Region, new() { Name = "Rendez-vous des 14 prochains jours" });
        await Expect(coming).ToContainTextAsync(merchant.BusinessName);
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Plan_session_and_portfolio_pages_are_accessible_and_fit_the_screen(int width)
    {
        await Page.SetViewportSizeAsync(width, 800);
        // Only pages are read here: the demo advisor's first merchant with a plan and a session will do.
        var merchant = await FirstMerchantWithPlanAndSessionAsync();
        var (itemId, sessionId) = await PlanItemAndSessionAsync(merchant.Id);

        await Page.SignInAsync(DemoAccounts.AdvisorA);
        foreach (var url in new[]
        {
            "/portefeuille", $"/dossiers/{merchant.Id}/plan", $"/dossiers/{merchant.Id}/plan/proposition",
            $"/dossiers/{merchant.Id}/plan/actions/{itemId}", "/seances", $"/seances/nouvelle?dossier={merchant.Id}",
            $"/seances/{sessionId}", $"/seances/{sessionId}/modifier", $"/dossiers/{merchant.Id}/diagnostics",
        })
        {
            await CheckAsync(Page, url);
        }
        await Page.SignOutAsync();
        await Page.SignInAsync(DemoAccounts.Manager);
        await CheckAsync(Page, "/portefeuille/equipe");
    }

    [BrowserFact]
    public async Task Two_browsers_editing_the_same_plan_action_lose_nothing()
    {
        var merchant = await DemoMerchants.TakeAsync(Fixture);
        var (itemId, _) = await PlanItemAndSessionAsync(merchant.Id);
        var url = $"/dossiers/{merchant.Id}/plan/actions/{itemId}";

        await Page.SignInAsync(DemoAccounts.AdvisorA);
        await CheckAsync(Page, url);
        var other = await Fixture.NewContextAsync();
        try
        {
            var manager = await other.NewPageAsync();
            AccessibilityExtensions.Track(manager);
            await manager.SignInAsync(DemoAccounts.Manager);
            await CheckAsync(manager, url);

            // Both have the form open; the manager saves first.
            await manager.GetByLabel("Notes d’avancement").FillAsync("Version du responsable : devis reçu.");
            await manager.GetByLabel("Statut").SelectOptionAsync("Done");
            await manager.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await AfterNavigationAsync(manager, $"/dossiers/{merchant.Id}/plan$");

            // The advisor's save is caught: both versions shown, the advisor's input kept.
            await Page.GetByLabel("Notes d’avancement").FillAsync("Version du conseiller : rendez-vous pris.");
            var response = await Page.RunAndWaitForResponseAsync(
                () => Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync(),
                r => r.Request.Method == "POST" && r.Url.EndsWith(url, StringComparison.Ordinal));
            Assert.Equal(409, response.Status);
            await Page.AssertAccessibleAsync();
            await Expect(Page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("modifiée par quelqu’un d’autre");
            var differences = Page.GetByRole(AriaRole.Region, new() { Name = "Différences avec la version enregistrée" }).First;
            await Expect(differences).ToContainTextAsync("Version du conseiller : rendez-vous pris.");
            await Expect(differences).ToContainTextAsync("Version du responsable : devis reçu.");
            await Expect(Page.GetByLabel("Notes d’avancement")).ToHaveValueAsync("Version du conseiller : rendez-vous pris.");

            // Saving again, knowingly, keeps the advisor's notes; the manager's version stays in the plan's history.
            await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await AfterNavigationAsync(Page, $"/dossiers/{merchant.Id}/plan$");
            await Expect(Page.Locator($"#action-{itemId}")).ToContainTextAsync("Version du conseiller : rendez-vous pris.");
            await CheckAsync(manager, $"/dossiers/{merchant.Id}/plan");
            await Expect(manager.Locator($"#action-{itemId}")).ToContainTextAsync("Version du conseiller : rendez-vous pris.");
            Assert.Equal(2, await ChangesOfItemAsync(itemId, since: DateTimeOffset.UtcNow.AddMinutes(-5)));
            Assert.Empty(AccessibilityExtensions.Untrack(manager));
        }
        finally
        {
            await other.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task Two_browsers_editing_the_same_session_lose_nothing()
    {
        var merchant = await DemoMerchants.TakeAsync(Fixture);
        var (_, sessionId) = await PlanItemAndSessionAsync(merchant.Id);
        var url = $"/seances/{sessionId}/modifier";

        await Page.SignInAsync(DemoAccounts.AdvisorA);
        await CheckAsync(Page, url);
        var other = await Fixture.NewContextAsync(new ViewportSize { Width = 375, Height = 740 });
        try
        {
            var manager = await other.NewPageAsync();
            AccessibilityExtensions.Track(manager);
            await manager.SignInAsync(DemoAccounts.Manager);
            await CheckAsync(manager, url);

            await manager.GetByLabel("Notes", new() { Exact = true }).FillAsync("Notes du responsable : atelier photo prévu.");
            await manager.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await AfterNavigationAsync(manager, $"/seances/{sessionId}$");

            await Page.GetByLabel("Notes", new() { Exact = true }).FillAsync("Notes du conseiller : fiche Google complétée.");
            var response = await Page.RunAndWaitForResponseAsync(
                () => Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync(),
                r => r.Request.Method == "POST" && r.Url.EndsWith(url, StringComparison.Ordinal));
            Assert.Equal(409, response.Status);
            await Page.AssertAccessibleAsync();
            var versions = Page.GetByRole(AriaRole.Region, new() { Name = "Les deux versions" });
            await Expect(versions).ToContainTextAsync("Notes du conseiller : fiche Google complétée.");
            await Expect(versions).ToContainTextAsync("Notes du responsable : atelier photo prévu.");
            await Expect(Page.GetByLabel("Notes", new() { Exact = true })).ToHaveValueAsync("Notes du conseiller : fiche Google complétée.");

            await Page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
            await AfterNavigationAsync(Page, $"/seances/{sessionId}$");
            var main = Page.GetByRole(AriaRole.Main);
            await Expect(main.GetByRole(AriaRole.Region, new() { Name = "Contenu" })).ToContainTextAsync("Notes du conseiller : fiche Google complétée.");
            // The manager's version is not lost: it is the previous version in the session's history.
            await Expect(main.GetByRole(AriaRole.Region, new() { Name = "Historique des modifications" })).ToContainTextAsync("Notes du responsable : atelier photo prévu.");
            Assert.Empty(AccessibilityExtensions.Untrack(manager));
        }
        finally
        {
            await other.CloseAsync();
        }
    }

    private static async Task CheckAsync(IPage page, string url)
    {
        await page.GotoAndCheckAsync(url, 200);
        await DiagnosticJourneyTests.AssertNoSidewaysScrollAsync(page);
    }

    private static async Task AfterNavigationAsync(IPage page, string pathPattern)
    {
        await Expect(page).ToHaveURLAsync(new Regex(pathPattern));
        await page.AssertAccessibleAsync();
        await DiagnosticJourneyTests.AssertNoSidewaysScrollAsync(page);
    }

    private async Task<Merchant> FirstMerchantWithPlanAndSessionAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        return await db.Merchants.AsNoTracking()
            .Where(m => m.AssignedAdvisor!.Email == DemoAccounts.AdvisorA.Email)
            .Where(m => db.ActionPlanItems.Any(i => i.Plan!.MerchantId == m.Id && i.Status != PlanItemStatus.Done && i.Status != PlanItemStatus.Dropped))
            .Where(m => db.CoachingSessions.Any(s => s.Merchants.Any(x => x.MerchantId == m.Id)))
            .OrderBy(m => m.Id).FirstAsync();
    }

    /// <summary>An open action of the merchant's plan and one of the merchant's sessions.</summary>
    private async Task<(int ItemId, int SessionId)> PlanItemAndSessionAsync(int merchantId)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var item = await db.ActionPlanItems.Where(i => i.Plan!.MerchantId == merchantId && i.Status != PlanItemStatus.Done && i.Status != PlanItemStatus.Dropped)
            .OrderBy(i => i.Position).Select(i => i.Id).FirstAsync();
        var session = await db.CoachingSessions.Where(s => s.Merchants.Any(m => m.MerchantId == merchantId))
            .OrderByDescending(s => s.StartsAt).Select(s => s.Id).FirstAsync();
        return (item, session);
    }

    private async Task<int> ChangesOfItemAsync(int itemId, DateTimeOffset since)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var changes = await db.ActionPlanChanges.Where(c => c.ItemId == itemId).ToListAsync();
        return changes.Count(c => c.OccurredAt >= since);
    }
}
