using System.Globalization;
using System.Text.RegularExpressions;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Coaching.EndToEnd.Infrastructure;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Coaching.Web.Hosting;
using static Microsoft.Playwright.Assertions;

namespace Coaching.EndToEnd;

/// <summary>The merchant journey of issue 2: find, create (with a wrong SIRET first), edit, reassign.</summary>
public sealed class MerchantJourneyTests(AppFixture fixture) : BrowserTest(fixture)
{
    [BrowserFact]
    public async Task Advisor_finds_a_merchant_of_the_caseload_and_opens_the_case_file()
    {
        var merchant = await FindMerchantAsync(m => m.AssignedAdvisor!.Email == DemoAccounts.AdvisorA.Email);
        await Page.SignInAsync(DemoAccounts.AdvisorA);
        await Page.GotoAndCheckAsync(MerchantUi.ListPath);

        await Page.GetByLabel(MerchantUi.SearchLabel).FillAsync(merchant.BusinessName);
        await Page.GetByRole(AriaRole.Button, new() { Name = MerchantUi.SearchButton }).ClickAsync();
        await Page.AssertAccessibleAsync();
        var row = Page.GetByRole(AriaRole.Row).Filter(new() { HasText = merchant.BusinessName });
        await Expect(row).ToHaveCountAsync(1);

        await row.GetByRole(AriaRole.Link, new() { Name = merchant.BusinessName }).ClickAsync();
        await Page.AssertAccessibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(merchant.BusinessName);
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(Siret.Format(merchant.Siret));
    }

    [BrowserFact]
    public async Task Advisor_creates_a_merchant_and_a_wrong_siret_is_answered_in_french()
    {
        var name = "Boulangerie Test " + Guid.NewGuid().ToString("N")[..6];
        await Page.SignInAsync(DemoAccounts.AdvisorA);
        await Page.GotoAndCheckAsync(MerchantUi.ListPath);
        await Page.GetByRole(AriaRole.Link, new() { Name = MerchantUi.CreateLink }).ClickAsync();
        await Page.AssertAccessibleAsync();

        await Page.GetByLabel(MerchantUi.BusinessNameLabel).FillAsync(name);
        await Page.GetByLabel(MerchantUi.SiretLabel).FillAsync("12345678901234");
        await Page.GetByLabel(MerchantUi.NafLabel).FillAsync("10.71C");
        await Page.GetByLabel(MerchantUi.AddressLabel).FillAsync("3 rue Sainte-Catherine");
        await Page.GetByLabel(MerchantUi.PostcodeLabel).FillAsync("33000");
        await Page.GetByLabel(MerchantUi.CommuneLabel).FillAsync("Bordeaux");
        await Page.GetByLabel(MerchantUi.ContactLabel).FillAsync("Jeanne Martin");
        await Page.GetByRole(AriaRole.Button, new() { Name = MerchantUi.CreateButton }).ClickAsync();
        await Page.AssertAccessibleAsync();

        var siret = Page.GetByLabel(MerchantUi.SiretLabel);
        await Expect(siret).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(siret).ToHaveValueAsync("12345678901234");
        await Expect(Page.GetByLabel(MerchantUi.BusinessNameLabel)).ToHaveValueAsync(name);

        await siret.FillAsync(ValidSiret());
        await Page.GetByRole(AriaRole.Button, new() { Name = MerchantUi.CreateButton }).ClickAsync();
        await Page.AssertAccessibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
    }

    [BrowserFact]
    public async Task Advisor_edits_a_merchant_of_the_caseload()
    {
        var merchant = await FindMerchantAsync(m => m.AssignedAdvisor!.Email == DemoAccounts.AdvisorA.Email);
        await Page.SignInAsync(DemoAccounts.AdvisorA);
        await Page.GotoAndCheckAsync(MerchantUi.CaseFilePath(merchant.Id));
        await Page.GetByRole(AriaRole.Link, new() { Name = MerchantUi.EditLink }).ClickAsync();
        await Page.AssertAccessibleAsync();

        await Page.GetByLabel(MerchantUi.PhoneLabel).FillAsync("05 56 00 00 01");
        await Page.GetByRole(AriaRole.Button, new() { Name = MerchantUi.SaveButton }).ClickAsync();
        await Page.AssertAccessibleAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(Regex.Escape(MerchantUi.CaseFilePath(merchant.Id)) + "$", RegexOptions.IgnoreCase));
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("05 56 00 00 01");
    }

    [BrowserFact]
    public async Task Club_manager_reassigns_a_merchant_to_another_advisor()
    {
        var merchant = await FindMerchantAsync(m => m.AssignedAdvisor!.Email == DemoAccounts.AdvisorA.Email);
        await Page.SignInAsync(DemoAccounts.Manager);
        await Page.GotoAndCheckAsync(MerchantUi.CaseFilePath(merchant.Id));

        await Page.GetByLabel(MerchantUi.AdvisorLabel).SelectOptionAsync(new SelectOptionValue { Label = DemoAccounts.AdvisorB.DisplayName });
        await Page.GetByRole(AriaRole.Button, new() { Name = MerchantUi.ReassignButton }).ClickAsync();
        await Page.AssertAccessibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(DemoAccounts.AdvisorB.DisplayName);
    }

    private async Task<Merchant> FindMerchantAsync(System.Linq.Expressions.Expression<Func<Merchant, bool>> filter)
    {
        await using var scope = Fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        return await db.Merchants.AsNoTracking().Where(filter).OrderBy(m => m.Id).Skip(5).FirstAsync();
    }

    /// <summary>A random 14-digit number that passes the Luhn check.</summary>
    private static string ValidSiret()
    {
        while (true)
        {
            var candidate = string.Concat(Enumerable.Range(0, 14).Select(_ => Random.Shared.Next(10).ToString(CultureInfo.InvariantCulture)));
            if (Siret.IsValid(candidate)) return candidate;
        }
    }
}

/// <summary>The French names of the merchants pages' links, labels and buttons.</summary>
public static class MerchantUi
{
    public const string ListPath = "/dossiers";
    public static string CaseFilePath(int id) => $"/dossiers/{id}";

    public const string SearchLabel = "Rechercher";
    public const string SearchButton = "Filtrer";
    public const string CreateLink = "Nouveau dossier";
    public const string CreateButton = "Créer le dossier";
    public const string EditLink = "Modifier";
    public const string SaveButton = "Enregistrer";
    public const string ReassignButton = "Réaffecter";

    public const string BusinessNameLabel = "Nom du commerce";
    public const string SiretLabel = "SIRET";
    public const string NafLabel = "Code NAF";
    public const string AddressLabel = "Adresse";
    public const string PostcodeLabel = "Code postal";
    public const string CommuneLabel = "Commune";
    public const string ContactLabel = "Personne à contacter";
    public const string PhoneLabel = "Téléphone";
    public const string AdvisorLabel = "Confier le dossier à";
}
