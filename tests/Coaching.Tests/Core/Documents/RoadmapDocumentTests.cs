using System.Globalization;
using System.Text.RegularExpressions;
using Coaching.Core.Diagnostics.Radar;
using Coaching.Core.Documents;
using Coaching.Core.Plans;
using Coaching.Core.Roadmaps;
using PdfSharp.Drawing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;

namespace Coaching.Tests.Core.Documents;

public sealed partial class RoadmapDocumentTests
{
    private static string TextOf(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    private static (PdfDocument Pdf, int PageCount) Open(RoadmapData data)
    {
        var rendered = RoadmapDocument.Render(data);
        return (PdfDocument.Open(rendered.Bytes), rendered.PageCount);
    }

    [Fact]
    public void A_typical_roadmap_has_four_pages_French_text_metadata_and_page_numbers()
    {
        var (pdf, pageCount) = Open(RoadmapSamples.Typical());
        using var _ = pdf;

        Assert.Equal(4, pdf.NumberOfPages);
        Assert.Equal(pageCount, pdf.NumberOfPages);
        Assert.Equal("Feuille de route numérique – Boulangerie Mathieu – Cœur de Bordeaux", pdf.Information.Title);
        Assert.Equal("Camille Conseiller", pdf.Information.Author);
        Assert.Equal("Accompagnement numérique – Club du commerce connecté de Nouvelle-Aquitaine", pdf.Information.Subject);

        var cover = TextOf(pdf.GetPage(1));
        Assert.Contains("Cœur de Bordeaux", cover);
        Assert.Contains("Émise le 28 novembre 2026", cover);
        Assert.Contains("Niveau numérique : Avancé – 52 / 100", cover);
        Assert.Contains("C’est 21 points de plus qu’au premier diagnostic", cover);
        Assert.Contains("1. Recueillir les e-mails des clients avec leur consentement", cover);
        Assert.DoesNotContain("Club du commerce connecté de Nouvelle-Aquitaine · Feuille", cover); // no running header on the cover

        var all = string.Join(" ", pdf.GetPages().Select(TextOf));
        Assert.Contains("1 250 €", all.Replace('\u00a0', ' '));
        Assert.Contains("Pilotage par les données", all);
        Assert.Contains("Premier diagnostic", all);
        Assert.Contains("+31", all);
        Assert.Contains("Jeudi 10 décembre 2026 à 14h30 – En boutique", all);
        Assert.Contains("conseiller@demo.local", all);
        foreach (var page in pdf.GetPages()) Assert.Contains($"page {page.Number} / 4", TextOf(page));
    }

    [Fact]
    public void A_60_action_plan_breaks_across_pages_repeats_its_header_and_keeps_every_action()
    {
        var (pdf, _) = Open(RoadmapSamples.Plan(60));
        using var _pdf = pdf;

        // Page 1 is the cover, whose summary names the first priorities.
        var pagesWithActions = pdf.GetPages().Where(p => p.Number > 1 && ActionNumbers(TextOf(p)).Any()).ToList();
        Assert.True(pagesWithActions.Count >= 3, $"the plan spans {pagesWithActions.Count} pages");
        foreach (var page in pagesWithActions)
        {
            var text = TextOf(page);
            Assert.Contains("Porteur", text);
            Assert.Contains("Échéance", text);
            Assert.Contains("Statut", text);
        }
        var numbers = pagesWithActions.SelectMany(p => ActionNumbers(TextOf(p))).ToList();
        Assert.Equal(Enumerable.Range(1, 60), numbers);
        Assert.Contains("60 actions au plan", string.Join(" ", pdf.GetPages().Select(TextOf)));
    }

    /// <summary>The sample's action titles end with « (étape N) ».</summary>
    private static IEnumerable<int> ActionNumbers(string text) =>
        StepPattern().Matches(text).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\(étape (\d+)\)")]
    private static partial Regex StepPattern();

    [Fact]
    public void A_merchant_with_no_diagnostic_no_plan_no_advisor_and_no_logo_gets_placeholders()
    {
        var (pdf, _) = Open(RoadmapSamples.Empty());
        using var _pdf = pdf;

        var all = string.Join(" ", pdf.GetPages().Select(TextOf));
        Assert.Equal(2, pdf.NumberOfPages);
        Assert.Contains("Épicerie Lœwy & Fils", all);
        Assert.Contains("Club du commerce connecté", all); // the club's name stands in for the missing logo
        Assert.Contains("Niveau numérique : pas encore mesuré", all);
        Assert.Contains("Aucun diagnostic terminé", all);
        Assert.Contains("Plan d’action à construire", all);
        Assert.Contains("Aucune séance n’a encore eu lieu.", all);
        Assert.Contains("Prochain rendez-vous À fixer avec votre conseiller", all);
        Assert.Contains("Pas encore attribué", all);
        Assert.Equal("Club du commerce connecté", pdf.Information.Author);
    }

    [Fact]
    public void Emoji_right_to_left_notes_huge_titles_and_a_broken_logo_never_throw()
    {
        var typical = RoadmapSamples.Typical(logo: [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]);
        var hostile = typical with
        {
            Merchant = typical.Merchant with { BusinessName = "Café 👩🏽‍🍳 " + new string('W', 600), ContactName = string.Concat(Enumerable.Repeat("très long ", 2000)) },
            Actions =
            [
                new RoadmapAction(1, "Titre très long " + string.Concat(Enumerable.Repeat("encore et toujours ", 40)), null, PlanItemOwner.Merchant, null, PlanItemStatus.ToDo,
                    "Merci 🙏 שלום עליכם مرحبا بكم \u202Etexte inversé\u202C \u0000\u0007 fin des notes"),
            ],
        };

        var (pdf, _) = Open(hostile);
        using var _pdf = pdf;

        var all = string.Join(" ", pdf.GetPages().Select(TextOf));
        Assert.Contains("Café", all);
        Assert.Contains("Titre très long", all);
        Assert.Contains("Merci", all);
        Assert.Contains("fin des notes", all);
        Assert.DoesNotContain("🙏", all);
    }

    [Fact]
    public void The_pdf_radar_draws_the_same_points_as_the_web_radar()
    {
        var layout = RadarGeometry.Compute(["Présence en ligne", "Relation client", "Vente en ligne", "Outils", "Données"],
        [
            new RadarSeries("Dernier", [71, 48, 35, 68, null]),
            new RadarSeries("Premier", [40, 22, 10, 55, 28]),
        ], 480);
        var svg = SvgRadarRenderer.Render(layout, "Scores");
        var box = new XRect(PdfComposer.Margin, 100, PdfComposer.ContentWidth, 300);
        var placement = PdfRadarRenderer.Fit(layout, box);
        var bytes = new PdfComposer(new DocumentInfo("Radar", "Tests", "Radar"), "", "", RoadmapSamples.IssuedAt)
            .Render([new Spacer(100 - 70), new Drawing(300, (g, b) => PdfRadarRenderer.Draw(g, b, layout))]);

        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        var vertices = page.Paths.SelectMany(p => p).SelectMany(s => s.Commands)
            .SelectMany(c => c switch
            {
                PdfSubpath.Move move => [move.Location],
                PdfSubpath.Line line => new[] { line.From, line.To },
                _ => [],
            })
            .Select(p => new XPoint(p.X, page.Height - p.Y))
            .ToList();

        var polygons = SeriesPolygons().Matches(svg).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, polygons.Count);
        foreach (var polygon in polygons)
        {
            foreach (var pair in polygon.Split(' '))
            {
                var xy = pair.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                var expected = placement.Map(new RadarPoint(xy[0], xy[1]));
                // The SVG rounds to 0.1 unit; the PDF is drawn from the same geometry, scaled by the placement.
                var tolerance = 0.06 * placement.Scale + 0.01;
                Assert.True(vertices.Any(v => Math.Abs(v.X - expected.X) <= tolerance && Math.Abs(v.Y - expected.Y) <= tolerance),
                    $"No PDF vertex at ({expected.X:0.00}, {expected.Y:0.00}) for SVG point {pair}.");
            }
        }
    }

    [GeneratedRegex("<g class=\"radar-series\"><polygon points=\"([^\"]+)\"")]
    private static partial Regex SeriesPolygons();

    [Theory]
    [InlineData(null, null, "–")]
    [InlineData(40.0, 71.0, "+31")]
    [InlineData(55.4, 54.6, "=")]
    [InlineData(60.0, 48.0, "−12")]
    public void Changes_are_signed_whole_points(double? from, double? to, string expected) =>
        Assert.Equal(expected, RoadmapDocument.Change(from, to));

    [Fact]
    public void Axis_levels_follow_the_questionnaire_bands()
    {
        Assert.Equal("Débutant", RoadmapDocument.LevelOf(RoadmapSamples.Levels, 25.4));
        Assert.Equal("Intermédiaire", RoadmapDocument.LevelOf(RoadmapSamples.Levels, 25.5));
        Assert.Equal("Expert", RoadmapDocument.LevelOf(RoadmapSamples.Levels, 100));
        Assert.Null(RoadmapDocument.LevelOf(RoadmapSamples.Levels, null));
        Assert.Null(RoadmapDocument.LevelOf([], 50));
    }
}
