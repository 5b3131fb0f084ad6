using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Coaching.Tests.Authorization;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Security;

/// <summary>An app of its own: the hostile submissions change its data.</summary>
public sealed class HostileInputApp : CoachingAppFactory;

/// <summary>
/// Drives every page of the authorization table, every form found on them, every URL id and every unsafe endpoint with
/// generated bad input: never a 500, never the script payload echoed as markup.
/// </summary>
public sealed class HostileInputTests(HostileInputApp app) : IClassFixture<HostileInputApp>
{
    private static readonly Persona[] Personas = [Persona.Admin, Persona.AdvisorA, Persona.MerchantA];

    public static TheoryData<Persona> People => new(Personas);

    [Theory]
    [MemberData(nameof(People))]
    public async Task Every_form_of_every_page_survives_hostile_input(Persona persona)
    {
        var problems = new List<string>();
        var forms = 0;
        foreach (var row in GetRows(persona))
        {
            using var client = await app.CreateClientAs(persona);
            var url = app.Ids.Resolve(row.Url);
            var page = await HtmlPage.ParseAsync(await client.GetAsync(url));
            if (page.Status != HttpStatusCode.OK || !IsHtml(page.Response)) continue;

            foreach (var form in page.Document.Forms.Where(IsFuzzable).ToList())
            {
                forms++;
                foreach (var (name, payload) in HostilePayloads.All.Concat(HostilePayloads.Extremes))
                {
                    var response = await SubmitAsync(client, url, form, page.AntiforgeryToken, payload);
                    await CheckAsync(response, $"{persona} {Describe(form, url)} with {name}", problems);
                }
            }
        }
        Assert.True(forms > (persona == Persona.MerchantA ? 2 : 15), $"Only {forms} forms were found for {persona}: the page list is wrong.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Every_url_survives_bad_ids_and_hostile_query_strings(Persona persona)
    {
        var problems = new List<string>();
        using var client = await app.CreateClientAs(persona);
        // The names the app's lists and filters really read, plus a few common ones; each gets another payload.
        string[] names = ["q", "page", "Page", "sort", "status", "From", "To", "Department", "Commune", "Sector", "Advisor", "AgeBand", "CohortFrom", "CohortTo", "returnUrl", "dossier"];
        var query = string.Join('&', names.Select((name, i) => $"{name}={Uri.EscapeDataString(ForUrl(HostilePayloads.All[i % HostilePayloads.All.Count].Value))}"));
        // Each edge value in every parameter at once, then in each end of the period alone (the page derives the other end).
        var extremes = HostilePayloads.Extremes.Select(e => string.Join('&', names.Select(name => $"{name}={Uri.EscapeDataString(e.Value)}")))
            .Concat(HostilePayloads.Extremes.SelectMany(e => new[] { "From", "To", "CohortFrom", "CohortTo" }.Select(name => $"{name}={Uri.EscapeDataString(e.Value)}")))
            .ToList();
        foreach (var row in AuthorizationTable.Rows.Where(r => r.Method is AuthorizationTable.GET or AuthorizationTable.ANY).DistinctBy(r => r.Url))
        {
            foreach (var url in BadIdVariants(app.Ids.Resolve(row.Url)))
                await CheckAsync(await client.GetAsync(url), $"{persona} GET {url}", problems);

            var withQuery = app.Ids.Resolve(row.Url) + (row.Url.Contains('?') ? "&" : "?") + query;
            await CheckAsync(await client.GetAsync(withQuery), $"{persona} GET {row.Url} with a hostile query string", problems);
            foreach (var extreme in extremes)
            {
                var withExtreme = app.Ids.Resolve(row.Url) + (row.Url.Contains('?') ? "&" : "?") + extreme;
                await CheckAsync(await client.GetAsync(withExtreme), $"{persona} GET {row.Url} with ?{extreme}", problems);
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_unsafe_endpoint_survives_garbage_bodies()
    {
        var problems = new List<string>();
        foreach (var persona in Personas)
        {
            using var client = await app.CreateClientAs(persona);
            var token = await app.AntiforgeryTokenOf(persona);
            foreach (var row in AuthorizationTable.Rows.Where(r => r.Method == AuthorizationTable.POST && r.Url != "/deconnexion"))
            {
                var url = app.Ids.Resolve(row.Url);
                foreach (var (name, payload) in HostilePayloads.All.Take(3).Concat(HostilePayloads.Extremes))
                {
                    var fields = row.Form.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=')[0])
                        .Concat(["Id", "Name", "Version", "Notes", "Code", "value"]).Distinct()
                        .Select(f => (f, payload)).ToArray();
                    await CheckAsync(await client.PostFormAsync(url, token, fields), $"{persona} POST {url} with {name}", problems);
                }

                using var json = new StringContent("{\"questionCode\": [1, {\"x\": " + new string('[', 500) + "}", Encoding.UTF8, "application/json");
                json.Headers.Add("X-CSRF-TOKEN", token);
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = json };
                request.Headers.Add("X-CSRF-TOKEN", token);
                await CheckAsync(await client.SendAsync(request), $"{persona} POST {url} with broken JSON", problems);
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("/importer/apercu", "file")]
    [InlineData("/questionnaires/import", "file")]
    public async Task A_huge_upload_gets_a_french_answer_not_a_crash(string url, string field)
    {
        using var client = await app.CreateClientAs(Persona.Admin);
        var token = await app.AntiforgeryTokenOf(Persona.Admin);
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), HtmlPage.AntiforgeryFieldName },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("a;b;c;" + HostilePayloads.Script + "\n", 400_000)))), field, "enorme.csv" },
        };
        var response = await client.PostAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();

        // Refused by the size limit (the French 413 page) or by the page's own check (its form, with the reason).
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnprocessableEntity });
        Assert.False(HostilePayloads.ShowsUnescaped(text));
        Assert.Matches(@"\d Mo", text);
    }

    [Fact]
    public async Task A_hostile_name_is_plain_text_in_the_pdf_roadmap()
    {
        const string name = "Chez ) Tj ET (Mallory) <script>alert('pdf')</script> \\ /OpenAction";
        using var client = await app.CreateClientAs(Persona.AdvisorA);
        var created = await client.SubmitAsync(await client.GetPageAsync("/dossiers/nouveau"), "/dossiers/nouveau",
            TestData.ValidMerchant(TestData.NewSiret(), name, ("AssignedAdvisorId", "")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];

        var response = await client.GetAsync($"/dossiers/{id}/feuille-de-route/apercu");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());

        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Chez ) Tj ET (Mallory) <script>alert('pdf')</script>", text);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.False(catalog.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.OpenAction));
        Assert.False(catalog.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Aa));
        Assert.All(pdf.GetPages(), page => Assert.Empty(page.GetAnnotations()));
    }

    private static IEnumerable<Row> GetRows(Persona persona) =>
        AuthorizationTable.Rows
            .Where(r => r.Method is AuthorizationTable.GET or AuthorizationTable.ANY && r.Expected(persona) == Outcome.Ok)
            .DistinctBy(r => r.Url);

    /// <summary>Forms that send data; the layout's sign-out form is left alone so that the session goes on.</summary>
    private static bool IsFuzzable(IHtmlFormElement form) =>
        !form.ClassList.Contains("signout") && !(form.GetAttribute("action") ?? "").Contains("deconnexion", StringComparison.OrdinalIgnoreCase);

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IHtmlFormElement form, string? token, string payload)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            if (name == HtmlPage.AntiforgeryFieldName) fields.Add(new(name, token ?? ""));
            else if (element is IHtmlInputElement { Type: "submit" or "button" or "file" }) continue;
            else fields.Add(new(name, payload));
        }
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        if (string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase))
        {
            var query = string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(ForUrl(f.Value))}"));
            return await client.GetAsync(action.Split('?')[0] + "?" + query);
        }
        if (string.Equals(form.Enctype, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields) multipart.Add(new StringContent(value), name);
            multipart.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(payload)), "file", "hostile.csv");
            return await client.PostAsync(action, multipart);
        }
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>A payload cut to what fits in a URL (the overlong one would exceed the request-line limit).</summary>
    private static string ForUrl(string payload) => payload[..Math.Min(payload.Length, 2_000)];

    private static IEnumerable<string> BadIdVariants(string url)
    {
        var path = url.Split('?')[0];
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!long.TryParse(segments[i], out _) && !Guid.TryParse(segments[i], out _)) continue;
            foreach (var value in HostilePayloads.RouteValues)
            {
                var copy = (string[])segments.Clone();
                copy[i] = value;
                yield return string.Join('/', copy);
            }
        }
    }

    private async Task CheckAsync(HttpResponseMessage response, string what, List<string> problems)
    {
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
            problems.Add($"{what}: {(int)response.StatusCode}. {Last(app.Log.Entries)}");
        if (HostilePayloads.ShowsUnescaped(body))
            problems.Add($"{what}: the script payload is in the answer unescaped ({response.Content.Headers.ContentType}).");
        if (body.Contains("   at Coaching.", StringComparison.Ordinal) || body.Contains("Exception:", StringComparison.Ordinal))
            problems.Add($"{what}: the answer shows a stack trace.");
    }

    private static string Last(IReadOnlyList<string> log) => log.Count == 0 ? "" : log[^1][..Math.Min(log[^1].Length, 3_000)];

    private static bool IsHtml(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType == "text/html";

    private static string Describe(IHtmlFormElement form, string url) =>
        $"form {form.Method.ToUpperInvariant()} {form.GetAttribute("action") ?? url} (on {url})";
}
