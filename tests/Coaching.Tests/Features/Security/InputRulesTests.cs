using System.Text;
using Coaching.Core.Reports;
using Coaching.Web.Features.Reports;
using Coaching.Web.Features.Shared;

namespace Coaching.Tests.Features.Security;

/// <summary>The shared input rules and the CSV cell guard, value by value.</summary>
public sealed class InputRulesTests
{
    [Theory]
    [InlineData("nom@exemple.fr")]
    [InlineData("prenom.nom+club@sous.exemple.fr")]
    [InlineData("o'brien@exemple.fr")]
    [InlineData("contact@boulangerie-dupont.fr")]
    [InlineData(" nom@exemple.fr ")]
    public void Ordinary_addresses_are_e_mails(string address) => Assert.True(InputRules.IsEmail(address));

    [Theory]
    [InlineData("a\"><img src=x onerror=alert(1)>@x.fr")]
    [InlineData("\"quoted\"@exemple.fr")]
    [InlineData("Nina <nina@exemple.fr>")]
    [InlineData("<nina@exemple.fr>")]
    [InlineData("ni na@exemple.fr")]
    [InlineData("nina@exemple")]
    [InlineData("nina@@exemple.fr")]
    [InlineData("nina..x@exemple.fr")]
    [InlineData(".nina@exemple.fr")]
    [InlineData("nina@exemple.fr\nBcc: x@y.fr")]
    [InlineData("zoé@exemple.fr")]
    [InlineData("nina@-exemple.fr")]
    [InlineData("")]
    public void Odd_addresses_are_refused(string address) => Assert.False(InputRules.IsEmail(address));

    [Theory]
    [InlineData("Boulangerie Zoé")]
    [InlineData("מאפיית שלום")]
    [InlineData("مخبز السلام")]
    [InlineData("Famille 👩‍👩‍👧 & fils")]
    [InlineData("Chez Œdipe – l’atelier")]
    public void Ordinary_names_are_single_line(string text) => Assert.True(InputRules.IsSingleLine(text));

    [Theory]
    [InlineData("Facture\u202Efdp.exe")]
    [InlineData("a\u202Ab")]
    [InlineData("a\u2066b\u2069")]
    [InlineData("a\u200Fb")]
    [InlineData("a\u001b[2Jb")]
    [InlineData("a\u0000b")]
    [InlineData("deux\nlignes")]
    [InlineData("tab\tulation")]
    [InlineData("a\u2028b")]
    [InlineData("\uFEFFa")]
    public void Control_and_bidi_override_characters_are_refused(string text) => Assert.False(InputRules.IsSingleLine(text));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x.example\",\"clic\")", "'=HYPERLINK(\"http://x.example\",\"clic\")")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("+33 cmd", "'+33 cmd")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "'\r=1+1")]
    [InlineData("  =1+1", "'  =1+1")]
    [InlineData("-8,0", "-8,0")]
    [InlineData("+1,5", "+1,5")]
    [InlineData("-12", "-12")]
    [InlineData("-0.25", "-0.25")]
    [InlineData("12 %", "12 %")]
    [InlineData("Séances par mode", "Séances par mode")]
    [InlineData("", "")]
    public void Csv_cells_that_would_run_as_formulas_are_neutralised_and_numbers_stay_numbers(string cell, string written) =>
        Assert.Equal(written, CsvCell.Safe(cell));

    [Fact]
    public void The_report_csv_writes_a_formula_advisor_name_as_text_and_a_negative_number_as_a_number()
    {
        var report = new ClubReport
        {
            Filter = new ReportFilter(1, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero)),
            Sessions = Cell.Count(12),
            OverallScore = new BeforeAfter("Score global", "overall", Cell.Of(60, 8), Cell.Of(52, 8), 8),
            Advisors = [new AdvisorRow("=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x.example\",\"clic\")", Cell.Count(6), Cell.Count(7), Cell.Of(-3, 7))],
        };

        var csv = Encoding.UTF8.GetString(ReportExports.Csv(report, [("Commune", "@Bordeaux")])[3..]);
        var openData = Encoding.UTF8.GetString(ReportExports.OpenData(report));

        Assert.Contains("Filtre;Commune;'@Bordeaux;;", csv, StringComparison.Ordinal);
        Assert.Contains("Charge des conseillers;Dossiers suivis;\"'=HYPERLINK(\"\"http://x.example\"\",\"\"clic\"\")\";6;6", csv, StringComparison.Ordinal);
        Assert.Contains("Charge des conseillers;Heures sur la période;\"'=HYPERLINK(\"\"http://x.example\"\",\"\"clic\"\")\";-3,0;7", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(";\"=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains(",score_dernier,overall,52,8,non", openData, StringComparison.Ordinal);
        Assert.DoesNotContain("HYPERLINK", openData, StringComparison.Ordinal);
    }
}
