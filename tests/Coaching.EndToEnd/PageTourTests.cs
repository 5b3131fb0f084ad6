using Coaching.Core.Data;
using Coaching.EndToEnd.Infrastructure;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coaching.EndToEnd;

/// <summary>Every page of each role, checked with axe, on a desktop and on a 375-px phone screen.</summary>
public sealed class PageTourTests(AppFixture fixture) : BrowserTest(fixture)
{
    private async Task<int> MerchantOfAdvisorAAsync()
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        return await db.Merchants.Where(m => m.AssignedAdvisor!.Email == DemoAccounts.AdvisorA.Email).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_club_manager_pages_are_accessible(int width)
    {
        await Page.SetViewportSizeAsync(width, 800);
        var id = await MerchantOfAdvisorAAsync();
        await Page.SignInAsync(DemoAccounts.Manager);
        await Page.AssertAccessibleAsync();

        foreach (var url in new[]
        {
            "/dossiers", "/dossiers?status=Coaching&sort=commune", $"/dossiers/{id}", $"/dossiers/{id}/modifier",
            "/dossiers/nouveau", "/comptes", "/comptes/inviter", $"/comptes/inviter?merchantId={id}", "/importer", "/portefeuilles",
            "/rapports", "/rapports?From=2026-12-31&To=2020-01-01",
        })
        {
            await Page.GotoAndCheckAsync(url, 200);
            var overflow = await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{url} scrolls sideways at {width} px");
        }
    }

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_audit_and_personal_data_pages_are_accessible(int width)
    {
        await Page.SetViewportSizeAsync(width, 800);
        var id = await MerchantOfAdvisorAAsync();
        await Page.SignInAsync(DemoAccounts.Admin);
        await Page.AssertAccessibleAsync();

        foreach (var url in new[] { "/journal", "/journal?Action=Read&Target=Merchant", "/journal?From=hier&Action=Pirater", "/rgpd/registre", $"/dossiers/{id}/rgpd" })
        {
            await Page.GotoAndCheckAsync(url, 200);
            var overflow = await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{url} scrolls sideways at {width} px");
        }

        // The erasure refused without a reason nor the confirmation: the errors next to the fields are accessible too.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Effacer les données personnelles" }).ClickAsync();
        await Expect(Page.Locator("#Confirm-erreur")).ToContainTextAsync("Cochez la case");
        await Page.AssertAccessibleAsync();
    }

    [BrowserFact]
    public async Task Error_states_are_accessible_too()
    {
        await Page.SignInAsync(DemoAccounts.AdvisorA);
        await Page.AssertAccessibleAsync();

        await Page.GotoAndCheckAsync("/dossiers/nouveau", 200);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Créer le dossier" }).ClickAsync();
        await Expect(Page.Locator(".field-error").First).ToBeVisibleAsync();
        await Page.AssertAccessibleAsync();

        await Page.GotoAndCheckAsync("/importer", 200);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier" }).ClickAsync();
        await Expect(Page.Locator("#file-erreur")).ToContainTextAsync("Choisissez un fichier");
        await Page.AssertAccessibleAsync();

        await Page.GotoAndCheckAsync("/portefeuilles", 403);
    }

    [BrowserFact]
    public async Task The_admin_settings_the_merchant_space_and_account_pages_are_accessible()
    {
        await Page.SignInAsync(DemoAccounts.Admin);
        await Page.AssertAccessibleAsync();
        await Page.GotoAndCheckAsync("/reglages", 200);
        await Page.SignOutAsync();
        await Page.AssertAccessibleAsync();

        await Page.SignInAsync(DemoAccounts.MerchantA);
        await Page.AssertAccessibleAsync();
        await Page.GotoAndCheckAsync("/mon-espace", 200);
        await Page.GotoAndCheckAsync("/compte/securite", 200);
        await Page.GotoAndCheckAsync("/compte/mot-de-passe", 200);
        await Page.GotoAndCheckAsync("/dossiers", 403);
    }
}
