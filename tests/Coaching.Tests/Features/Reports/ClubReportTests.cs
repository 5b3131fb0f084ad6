using System.Net;
using System.Text;
using Coaching.Core.Reports;
using Coaching.Core.Sessions;
using Coaching.Web.Features.Reports;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Reports;

/// <summary>The report's figures against the hand-computed fixture of <see cref="ReportFixture"/>.</summary>
public sealed class ClubReportTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private Task<ClubReport> RunAsync(Func<ReportFilter, ReportFilter>? change = null)
    {
        var form = new ReportFilterForm { From = "2026-01-01", To = "2026-06-15" };
        var filter = form.ToFilter(fixture.ClubId, null, new DateOnly(2026, 6, 15));
        return fixture.App.WithScopeAsync(s => s.GetRequiredService<ReportQuery>().RunAsync(change is null ? filter : change(filter)));
    }

    [Fact]
    public async Task Figures_match_the_values_computed_by_hand()
    {
        var r = await RunAsync();

        Assert.Equal(8, r.Merchants.Shown);
        Assert.Equal(1, r.NewMerchants.Value);
        Assert.True(r.NewMerchants.Hidden);
        Assert.Equal(6, r.CoachedInPeriod.Shown);
        Assert.Equal(5, r.Active.Shown);
        Assert.Equal(1, r.Finished.Value);
        Assert.Equal(2, r.Prospects.Value);

        Assert.Equal(1, r.FirstDiagnostics.Value);
        Assert.Equal(5, r.FollowUpDiagnostics.Shown);

        Assert.Equal(5, r.Sessions.Shown);
        Assert.Equal(6.0, r.Hours.Shown!.Value, 6);
        var inShop = r.ByMode.Single(m => m.Mode == SessionMode.InShop);
        Assert.Equal(2, inShop.Sessions.Value);
        Assert.True(inShop.Sessions.Hidden);
        Assert.Null(inShop.Hours.Shown);

        Assert.Equal(5, r.ProgressMerchants.Shown);
        Assert.Equal(40.0, r.OverallScore.First.Shown!.Value, 6);
        Assert.Equal(52.0, r.OverallScore.Latest.Shown!.Value, 6);
        Assert.Equal(12.0, r.OverallScore.Gain!.Value, 6);
        var clients = Assert.Single(r.AxisScores);
        Assert.Equal("CLIENTS", clients.Key);
        Assert.Equal(30.0, clients.First.Shown!.Value, 6);
        Assert.Equal(40.0, clients.Latest.Shown!.Value, 6);

        var customerFile = r.IndicatorShares.Single(i => i.Key == "customer_file");
        Assert.Equal(5, customerFile.N);
        Assert.Equal(0.2, customerFile.First.Shown!.Value, 6);
        Assert.Equal(0.6, customerFile.Latest.Shown!.Value, 6);
        Assert.Equal(0.0, r.IndicatorShares.Single(i => i.Key == "click_and_collect").Latest.Shown!.Value, 6);

        // Levels before: Débutant 1, Initié 3, Engagé 1; after: Initié 3, Engagé 1, Avancé 1 — small ones hidden.
        Assert.Equal(["Débutant", "Initié", "Engagé", "Avancé"], r.Levels.Select(l => l.Level));
        Assert.Equal(3, r.Levels.Single(l => l.Level == "Initié").Latest.Value);
        Assert.True(r.Levels.Single(l => l.Level == "Initié").Latest.Hidden);

        // (137 + 151 × 3 + 19) / 5 days.
        Assert.Equal(5, r.DaysToFirstSession.N);
        Assert.Equal(121.8, r.DaysToFirstSession.Shown!.Value, 6);
        // 570 minutes before the latest diagnostics ÷ 60 points gained.
        Assert.Equal(9.5 / 60, r.HoursPerPointGained.Shown!.Value, 6);

        Assert.Equal(5, r.Actions.Shown);
        Assert.Equal(1, r.ActionsDone.Value);
        Assert.Equal(1, r.ActionsOverdue.Value);

        var x = r.Advisors.Single(a => a.AdvisorId == fixture.AdvisorXId);
        Assert.Equal(6, x.Merchants.Shown);
        Assert.Equal(5, x.Sessions.Shown);
        Assert.Equal(6.0, x.Hours.Shown!.Value, 6);
        var y = r.Advisors.Single(a => a.AdvisorId == fixture.AdvisorYId);
        Assert.True(y.Merchants.Hidden);
        Assert.Null(y.Sessions.Shown);

        Assert.Equal(6, r.Months.Count);
        Assert.Equal(2, r.Months.Single(mo => mo.Month == "2026-02").Sessions.Value);
        Assert.Equal(1, r.Months.Single(mo => mo.Month == "2026-02").NewMerchants.Value);
        Assert.Equal(4, r.SqlCommands);
    }

    [Fact]
    public async Task Filters_narrow_the_population()
    {
        var other = await RunAsync(f => f with { DepartmentCode = "64" });
        Assert.Equal(2, other.Merchants.Value);
        Assert.True(other.Merchants.Hidden);
        Assert.Equal(0, other.Sessions.N);

        var older = await RunAsync(f => f with { AgeBand = Coaching.Core.Merchants.AgeBand.From46To55 });
        Assert.Equal(3, older.Merchants.Value);
        // M1 in January, M2 in February and April, and the workshop once, through M3.
        Assert.Equal(4, older.Sessions.Value);
        var cohort = await RunAsync(f => f with { CohortFrom = ReportFilterForm.ParisMidnight(new DateOnly(2026, 1, 1)) });
        Assert.Equal(1, cohort.Merchants.Value);
    }

    [Fact]
    public async Task The_page_shows_figures_with_their_population_and_hides_small_cells()
    {
        var client = await fixture.ManagerAsync();
        var page = await client.GetPageAsync("/rapports?" + ReportFixture.Period);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var scores = page.Document.GetElementById("table-scores")!.TextContent;
        Assert.Contains("40,0", scores);
        Assert.Contains("52,0", scores);
        Assert.Contains("+12,0", scores);
        var modes = page.Document.GetElementById("table-modes")!.TextContent;
        Assert.Contains(SmallCells.HiddenText, modes);
        Assert.Contains("n = 5", page.Text);
        Assert.NotNull(page.Document.QuerySelector("figure.report-chart svg[role='img'] title"));
        Assert.DoesNotContain("style=", page.Document.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_advisor_sees_only_their_own_caseload()
    {
        var client = await fixture.AdvisorXAsync();
        var page = await client.GetPageAsync("/rapports?" + ReportFixture.Period);
        Assert.Contains("votre portefeuille", page.Text);
        var merchants = page.Document.QuerySelectorAll("dt").Single(dt => dt.TextContent == "Commerçants du rapport").NextElementSibling!;
        Assert.Equal("6", merchants.TextContent.Trim());

        var other = await client.GetPageAsync($"/rapports?{ReportFixture.Period}&Advisor={fixture.AdvisorYId}");
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.Contains("votre portefeuille", other.Text);
        Assert.Null(other.Document.GetElementById("table-scores"));
    }

    [Fact]
    public async Task A_manager_asking_for_an_advisor_of_another_club_gets_a_message_and_no_figures()
    {
        var client = await fixture.ManagerAsync();
        var page = await client.GetPageAsync($"/rapports?{ReportFixture.Period}&Advisor={fixture.App.Ids.AdvisorAUserId}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("n'est pas un conseiller actif de votre club", page.FieldError("Advisor"));
        Assert.Null(page.Document.GetElementById("table-scores"));
    }

    [Theory]
    [InlineData("From=2026-05-01&To=2026-01-01", "To", "avant la date de début")]
    [InlineData("From=1850-01-01&To=2026-01-01", "From", "avant le 1er janvier 2000")]
    [InlineData("From=2026-01-01&To=2099-01-01", "To", "d'un an")]
    [InlineData("From=hier&To=2026-01-01", "From", "date valide")]
    [InlineData("Sector=Boulangerie", "Sector", "Secteur inconnu")]
    [InlineData("Department=999", "Department", "Département inconnu")]
    [InlineData("Commune=64445&Department=33", "Commune", "pas dans le département")]
    [InlineData("Status=3", "Status", "Statut de dossier inconnu")]
    [InlineData("AgeBand=Vieux", "AgeBand", "Tranche d'âge inconnue")]
    [InlineData("CohortFrom=2026-03-01&CohortTo=2026-01-01", "CohortTo", "avant son début")]
    public async Task Bad_filters_get_a_French_message_next_to_the_field_and_keep_the_input(string query, string field, string message)
    {
        var client = await fixture.ManagerAsync();
        var page = await client.GetPageAsync("/rapports?" + query);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.FieldError(field));
        var typed = query.Split('&').Select(p => p.Split('=')).Single(p => p[0] == field)[1];
        Assert.Equal(typed, page.Document.QuerySelector($"[name='{field}']") is AngleSharp.Html.Dom.IHtmlSelectElement ? typed : page.InputValue(field));
        Assert.Null(page.Document.GetElementById("table-scores"));
    }

    [Fact]
    public async Task The_CSV_export_speaks_the_French_spreadsheet_dialect()
    {
        var client = await fixture.ManagerAsync();
        var response = await client.GetAsync(new Uri("/rapports/export.csv?" + ReportFixture.Period, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Rubrique;Indicateur;Catégorie;Valeur;Population (n)", lines[0]);
        Assert.Contains("Séances;Heures d'accompagnement sur la période;;6,0;5", lines);
        Assert.Contains("Progression de la maturité;Score moyen au dernier diagnostic;Score global;52,0;5", lines);
        Assert.Contains(lines, l => l.StartsWith("Séances;Séances par mode;En boutique;moins de 5;moins de 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_open_data_export_has_no_names_and_blanks_small_cells()
    {
        var client = await fixture.ManagerAsync();
        var text = await client.GetStringAsync(new Uri("/rapports/donnees-ouvertes.csv?" + ReportFixture.Period, UriKind.Relative));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("periode_debut,periode_fin,indicateur,categorie,valeur,effectif,secret_statistique", lines[0]);
        Assert.Contains("2026-01-01,2026-06-15,score_dernier,overall,52,5,non", lines);
        Assert.Contains("2026-01-01,2026-06-15,seances_mode,InShop,,,oui", lines);
        Assert.DoesNotContain("conseiller", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Commerce test", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_PDF_report_reads_back_with_its_figures()
    {
        var client = await fixture.ManagerAsync();
        var response = await client.GetAsync(new Uri("/rapports/rapport.pdf?" + ReportFixture.Period, UriKind.Relative));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Rapport", text);
        Assert.Contains("Progression", text);
        Assert.Contains("52,0", text);
        Assert.Contains($"page 1 / {pdf.NumberOfPages}", text);
    }
}
