using System.Net;
using System.Text;
using Coaching.Core.Documents;
using Coaching.Tests.Support;

namespace Coaching.Tests.Core.Documents;

/// <summary>Hebrew and Arabic names in PDFs: joined letters, right-to-left runs in visual order (see <see cref="VisualText"/>).</summary>
[Collection(AppCollection.Name)]
public sealed class RightToLeftTextTests(CoachingAppFactory app)
{
    private const string Hebrew = "מאפיית שלום";
    private const string HebrewVisual = "םולש תייפאמ";
    private const string Arabic = "مخبز السلام";
    // « السلام » (isolated alef, initial lam, medial sin, final lam-alef, isolated mim) then « مخبز », read left to right.
    private const string ArabicVisualFirstWord = "\uFEE1\uFEFC\uFEB4\uFEDF\uFE8D";
    private const string ArabicVisualSecondWord = "\uFEB0\uFE92\uFEA8\uFEE3";

    [Theory]
    [InlineData("Boulangerie Zoé (Paris)", "Boulangerie Zoé (Paris)")]
    [InlineData(Hebrew, HebrewVisual)]
    [InlineData("Chez שלום 2", "Chez 2 םולש")]                 // a number after Hebrew belongs to the Hebrew run
    [InlineData("שלום 12 (בע\"מ)", "(מ\"עב) 12 םולש")]
    [InlineData("Café שלום ועוד", "Café דועו םולש")]
    public void Right_to_left_runs_are_put_in_visual_order(string logical, string visual) =>
        Assert.Equal(visual, VisualText.Reorder(logical));

    [Fact]
    public void Arabic_letters_take_their_joined_forms_and_read_back_with_nfkc()
    {
        var shaped = VisualText.Shape(Arabic);

        Assert.Equal("\uFEE3\uFEA8\uFE92\uFEB0 \uFE8D\uFEDF\uFEB4\uFEFC\uFEE1", shaped);
        Assert.Equal(ArabicVisualFirstWord + " " + ArabicVisualSecondWord, VisualText.Reorder(shaped));
        Assert.Equal(Arabic, shaped.Normalize(NormalizationForm.FormKC));
    }

    [Theory]
    [InlineData(Hebrew, new[] { HebrewVisual })]
    [InlineData(Arabic, new[] { ArabicVisualFirstWord, ArabicVisualSecondWord })]
    public async Task A_right_to_left_merchant_name_prints_joined_and_in_reading_order_in_the_roadmap(string name, string[] visualWords)
    {
        using var client = await app.CreateClientAs(Persona.AdvisorA);
        var created = await client.SubmitAsync(await client.GetPageAsync("/dossiers/nouveau"), "/dossiers/nouveau",
            TestData.ValidMerchant(TestData.NewSiret(), name, ("AssignedAdvisorId", "")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];

        var response = await client.GetAsync($"/dossiers/{id}/feuille-de-route/apercu");
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));

        // Drawn left to right in visual order, so the extracted text reads as the visual order.
        var positions = visualWords.Select(w => text.IndexOf(w, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, $"« {string.Join(" ", visualWords)} » is not in the PDF text: {text[..Math.Min(text.Length, 600)]}"));
        Assert.Equal(positions.Order(), positions);
        Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        Assert.Equal(name, string.Join(" ", visualWords.Reverse().Select(w => new string(w.Reverse().ToArray()))).Normalize(NormalizationForm.FormKC));
    }
}
