using Coaching.Core.Documents;
using Coaching.Core.Roadmaps;
using UglyToad.PdfPig;

namespace Coaching.Tests.Features.Roadmaps;

/// <summary>Pure checks of the roadmap's file name and page layout (no app).</summary>
public sealed class RoadmapLayoutTests
{
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
