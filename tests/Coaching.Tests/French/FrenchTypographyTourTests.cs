using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Coaching.Tests.Authorization;
using Coaching.Tests.Support;
using UglyToad.PdfPig;

namespace Coaching.Tests.French;

/// <summary>
/// Every page of the authorization table's GET rows, fetched as the most privileged persona that may see it, and two
/// PDFs: their visible text is in French typography (no plain space, and no missing one, before « ; : ! ? » and inside « »).
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class FrenchTypographyTourTests(CoachingAppFactory app)
{
    private static readonly Persona[] Preference = [Persona.Admin, Persona.Manager, Persona.AdvisorA, Persona.AdvisorB, Persona.MerchantA, Persona.Anonymous];

    [GeneratedRegex(@"[ \t\r\n][;:!?»]|«[ \t\r\n]|\p{L}[;!?](?=\s|$)|\p{L}:(?=\s)|\p{L}'\p{L}")]
    private static partial Regex Wrong();

    internal static IEnumerable<string> Faults(string text) =>
        Wrong().Matches(text).Select(m => "« " + text.Substring(Math.Max(0, m.Index - 25), Math.Min(text.Length - Math.Max(0, m.Index - 25), 45)).Replace('\n', ' ') + " »");

    [Fact]
    public async Task Every_page_of_the_tour_is_typographically_french()
    {
        var failures = new List<string>();
        var pages = 0;
        foreach (var row in AuthorizationTable.Rows.Where(r => r.Method == AuthorizationTable.GET).DistinctBy(r => r.Controller + "." + r.Action))
        {
            var persona = Preference.FirstOrDefault(p => row.Expected(p).Kind == nameof(Outcome.Ok), (Persona)(-1));
            if ((int)persona < 0) continue;
            using var client = await app.CreateClientAs(persona);
            using var response = await client.GetAsync(app.Ids.Resolve(row.Url));
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            pages++;
            var text = VisibleText(await response.Content.ReadAsStringAsync());
            failures.AddRange(Faults(text).Distinct().Take(5).Select(f => $"{row.Url} as {persona}: {f}"));
        }

        Assert.True(pages >= 30, $"only {pages} pages were checked");
        Assert.True(failures.Count == 0, $"{failures.Count} typography fault(s):\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// PdfPig reads the no-break spaces of the embedded font back as plain spaces, so a PDF is checked on what can be
    /// seen: a space before each mark, no line that starts with a mark (the space before it did not break), ’ in prose.
    /// </summary>
    [Theory]
    [InlineData("/rapports/rapport.pdf")]
    [InlineData("/dossiers/{merchantA}/feuille-de-route/apercu")]
    public async Task A_pdf_is_typographically_french(string url)
    {
        using var client = await app.CreateClientAs(Persona.Admin);
        using var response = await client.GetAsync(app.Ids.Resolve(url));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var lines = pdf.GetPages()
            .SelectMany(p => p.Letters.GroupBy(l => Math.Round(l.StartBaseLine.Y)).OrderByDescending(g => g.Key)
                .Select(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value))))
            .ToList();

        var faults = lines.Where(l => l.TrimStart().Length > 0 && l.TrimStart()[0] is ';' or ':' or '!' or '?' or '»')
            .Concat(lines.Where(l => MissingSpace().IsMatch(l) || l.Contains('\'', StringComparison.Ordinal) && Apostrophe().IsMatch(l)))
            .ToList();
        Assert.True(lines.Count > 20, $"only {lines.Count} lines read");
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [GeneratedRegex(@"\p{L}[;!?:](?=\s|$)")]
    private static partial Regex MissingSpace();

    [GeneratedRegex(@"\p{L}'\p{L}")]
    private static partial Regex Apostrophe();

    /// <summary>The text a reader sees: text nodes outside script, style and template, element boundaries kept apart.</summary>
    internal static string VisibleText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var builder = new StringBuilder();
        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IElement { LocalName: "script" or "style" or "template" or "textarea" or "pre" }) continue;
                if (child is IText t) builder.Append(t.Data);
                else Walk(child);
                if (child is IElement { LocalName: "p" or "li" or "td" or "th" or "div" or "h1" or "h2" or "h3" or "dt" or "dd" or "option" or "br" or "label" or "legend" or "summary" or "title" }) builder.Append('\n');
            }
        }
        Walk(document);
        return builder.ToString();
    }
}
