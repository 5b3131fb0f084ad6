using Coaching.Core.Documents;
using PdfSharp.Drawing;
using UglyToad.PdfPig;

namespace Coaching.Tests.Core.Documents;

public sealed class PdfComposerTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static PdfDocument Render(params Block[] blocks)
    {
        var bytes = new PdfComposer(new DocumentInfo("Feuille de route", "Claire Conseillère", "Accompagnement numérique"),
            "Club du commerce connecté", "Boulangerie Mathieu", IssuedAt).Render(blocks);
        return PdfDocument.Open(bytes);
    }

    private static string TextOf(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    [Fact]
    public void French_text_with_accents_ligatures_euro_and_non_breaking_spaces_reads_back()
    {
        using var pdf = Render(
            new Heading("Étape n° 1 : cœur de métier"),
            new Paragraph("Budget : 1\u00a0250\u00a0€ pour l'œuvre « fidélité » – déjà ça\u202f!"));

        var text = TextOf(pdf.GetPage(1));
        Assert.Contains("Étape", text);
        Assert.Contains("cœur", text);
        Assert.Contains("€", text);
        Assert.Contains("l’œuvre", text); // the typographic apostrophe: PDF text goes through FrenchTypography
        Assert.Contains("fidélité", text);
        Assert.Equal("Feuille de route", pdf.Information.Title);
        Assert.Equal("Claire Conseillère", pdf.Information.Author);
        Assert.Equal("Accompagnement numérique", pdf.Information.Subject);
    }

    [Fact]
    public void A_long_table_breaks_across_pages_and_repeats_its_header_on_each()
    {
        var rows = Enumerable.Range(1, 60)
            .Select(i => (IReadOnlyList<string>)[i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Action numéro {i} du plan", "Visibilité", "À faire"])
            .ToList();

        using var pdf = Render(
            new Heading("Plan d'action"),
            new Table([new("Priorité", 1, CellAlign.Right), new("Action", 5), new("Axe", 2), new("Statut", 1.5)], rows));

        Assert.True(pdf.NumberOfPages >= 2);
        foreach (var page in pdf.GetPages())
        {
            var text = TextOf(page);
            Assert.Contains("Priorité", text);
            Assert.Contains($"page {page.Number} / {pdf.NumberOfPages}", text);
        }
        var all = string.Join(" ", pdf.GetPages().Select(TextOf));
        Assert.Contains("Action numéro 1 du plan", all);
        Assert.Contains("Action numéro 60 du plan", all);
    }

    [Fact]
    public void Emoji_right_to_left_text_huge_words_and_a_broken_picture_never_throw()
    {
        var hostile = "Super 👍🏽 merci ❤️ שלום مرحبا " + new string('x', 3000) + "\u0000\u0007 fin";

        using var pdf = Render(
            new Picture([1, 2, 3, 4], 100, 50),
            new Paragraph(hostile),
            new Table([new("Note", 1)], [[hostile]]),
            new Facts([("Commentaire", hostile)]),
            new Table([new("Vide", 1)], [], "Aucune action pour l'instant."));

        var all = string.Join(" ", pdf.GetPages().Select(TextOf));
        Assert.Contains("Super", all);
        Assert.Contains("fin", all);
        Assert.Contains("Aucune action pour l’instant.", all);
    }

    [Fact]
    public void Drawings_are_vector_graphics_in_the_given_box()
    {
        XRect? seen = null;
        using var pdf = Render(new Drawing(200, (g, box) =>
        {
            seen = box;
            g.DrawEllipse(XPens.Black, box.X, box.Y, 100, 100);
        }));

        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Equal(PdfComposer.ContentWidth, seen!.Value.Width, 3);
        Assert.Equal(200, seen.Value.Height, 3);
    }

    [Fact]
    public void Safe_text_keeps_French_and_replaces_what_the_font_cannot_draw()
    {
        Assert.Equal("Œuf à 2\u00a0€ – « oui »", SafeText.Clean("Œuf à 2\u00a0€ – « oui »"));
        Assert.Equal("ok □ fin", SafeText.Clean("ok 👍🏽 fin"));
        Assert.Equal("ab", SafeText.Clean("a\u0000b"));
    }
}
