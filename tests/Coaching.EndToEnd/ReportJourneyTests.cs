using System.Text;
using System.Text.RegularExpressions;
using Coaching.EndToEnd.Infrastructure;
using Coaching.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Coaching.EndToEnd;

/// <summary>The demo club manager explores the reports, filters them, and takes the CSV and the PDF for the board.</summary>
public sealed class ReportJourneyTests(AppFixture fixture) : BrowserTest(fixture)
{
    [BrowserFact]
    public async Task The_club_manager_filters_the_report_and_exports_a_french_csv_and_a_pdf()
    {
        await Page.SignInAsync(DemoAccounts.Manager);
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" })
            .GetByRole(AriaRole.Link, new() { Name = "Rapports" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rapports du club" })).ToBeVisibleAsync();
        await Page.AssertAccessibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Commerçants accompagnés" })).ToBeVisibleAsync();

        // The filters are folded under their summary so that the figures come first: open them as a person would.
        await Page.Locator("summary", new() { HasText = "Filtres du rapport" }).ClickAsync();
        await Page.GetByLabel("Département", new() { Exact = true }).SelectOptionAsync("33");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Afficher le rapport" }).ClickAsync();
        await Page.WaitForURLAsync(new Regex("Department=33"), new() { WaitUntil = WaitUntilState.Load });
        await Page.AssertAccessibleAsync();
        await Expect(Page.GetByLabel("Département", new() { Exact = true })).ToHaveValueAsync("33");

        var csvDownload = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Exporter en CSV (tableur)" }).ClickAsync());
        Assert.EndsWith(".csv", csvDownload.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllBytesAsync((await csvDownload.PathAsync())!);
        // What a French spreadsheet opens without a wizard: UTF-8 with its BOM, semicolons, decimal commas.
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var text = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.Contains(';', text);
        Assert.Contains("Gironde", text, StringComparison.Ordinal);
        Assert.Matches(@";\d+,\d+", text);

        var pdfDownload = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Rapport PDF" }).ClickAsync());
        Assert.EndsWith(".pdf", pdfDownload.SuggestedFilename, StringComparison.Ordinal);
        var pdf = await File.ReadAllBytesAsync((await pdfDownload.PathAsync())!);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
    }
}
