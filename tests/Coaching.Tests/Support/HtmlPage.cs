using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Coaching.Tests.Support;

/// <summary>A response parsed with AngleSharp, with the bits the tests keep asking for.</summary>
public sealed class HtmlPage
{
    public const string AntiforgeryFieldName = "__RequestVerificationToken";

    private static readonly HtmlParser Parser = new();

    private HtmlPage(HttpResponseMessage response, string html, IHtmlDocument document)
    {
        Response = response;
        Html = html;
        Document = document;
    }

    public HttpResponseMessage Response { get; }
    public HttpStatusCode Status => Response.StatusCode;
    public string Html { get; }
    public IHtmlDocument Document { get; }

    /// <summary>The text a person reads (no markup), whitespace collapsed.</summary>
    public string Text => Plain(string.Join(' ', (Document.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>
    /// Page text with its French typography undone (’ → ', no-break spaces → spaces), so that assertions can be written
    /// with plain characters; FrenchTypographyTourTests checks the typography itself.
    /// </summary>
    public static string Plain(string text) => text.Replace('’', '\'').Replace('\u00A0', ' ').Replace('\u202F', ' ');

    /// <summary>The antiforgery token of the first form of the page (the layout's sign-out form counts).</summary>
    public string? AntiforgeryToken =>
        Document.QuerySelector($"input[name='{AntiforgeryFieldName}']")?.GetAttribute("value");

    public static async Task<HtmlPage> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await Parser.ParseDocumentAsync(html);
        return new HtmlPage(response, html, document);
    }

    /// <summary>The form whose action ends with <paramref name="action"/>, or the first form that is not the layout's sign-out form.</summary>
    public IHtmlFormElement Form(string? action = null)
    {
        var forms = Document.Forms.ToList();
        var form = action is null
            ? forms.FirstOrDefault(f => !f.ClassList.Contains("signout"))
            : forms.FirstOrDefault(f => (f.GetAttribute("action") ?? "").Split('?')[0].EndsWith(action, StringComparison.OrdinalIgnoreCase));
        return form ?? throw new InvalidOperationException(
            $"No form {(action is null ? "" : $"posting to {action} ")}on the page. Forms: " +
            string.Join(", ", forms.Select(f => f.GetAttribute("action") ?? "(no action)")));
    }

    /// <summary>The value of an input of the form, or null.</summary>
    public string? InputValue(string name) => Document.QuerySelector($"[name='{name}']")?.GetAttribute("value");

    /// <summary>The French message shown next to a field (see Features/Shared/_Field.cshtml).</summary>
    public string? FieldError(string name) =>
        Document.QuerySelector($"[name='{name}']")?.GetAttribute("aria-describedby") is { } ids
            ? string.Join(' ', ids.Split(' ').Select(id => Document.GetElementById(id)).OfType<IElement>()
                .Where(e => e.ClassList.Contains("field-error")).Select(e => Plain(e.TextContent.Trim())))
            : null;

    /// <summary>The messages of the error summary (see Features/Shared/_FormErrors.cshtml).</summary>
    public IReadOnlyList<string> FormErrors =>
        Document.QuerySelectorAll(".alert--error p").Select(p => Plain(p.TextContent.Trim())).ToList();

    /// <summary>All fields a browser would submit for this form, with <paramref name="values"/> replacing or adding some.</summary>
    public static List<KeyValuePair<string, string>> FieldsOf(IHtmlFormElement form, IEnumerable<KeyValuePair<string, string>>? values = null)
    {
        var overrides = (values ?? []).ToList();
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || overrides.Any(o => o.Key == name)) continue;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) fields.Add(new(name, input.Value));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }
        fields.AddRange(overrides);
        return fields;
    }
}

/// <summary>Browser-like helpers over an <see cref="HttpClient"/> that keeps cookies and does not follow redirects.</summary>
public static class HttpClientPageExtensions
{
    /// <summary>GETs a page and parses it, failing with the page's text when the status is not the expected one.</summary>
    public static async Task<HtmlPage> GetPageAsync(this HttpClient client, string url, HttpStatusCode? expected = HttpStatusCode.OK)
    {
        var page = await HtmlPage.ParseAsync(await client.GetAsync(url));
        if (expected is { } status && page.Status != status)
            throw new InvalidOperationException($"GET {url} answered {(int)page.Status} instead of {(int)status}: {Describe(page)}");
        return page;
    }

    /// <summary>POSTs the given fields plus the antiforgery token taken from <paramref name="tokenSource"/> (a page of the same session).</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, HtmlPage tokenSource, params (string Name, string Value)[] fields) =>
        client.PostFormAsync(url, tokenSource.AntiforgeryToken ?? throw new InvalidOperationException("The page has no antiforgery token."), fields);

    /// <summary>POSTs the given fields plus an antiforgery token (pass null to leave the token out).</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string? antiforgeryToken, params (string Name, string Value)[] fields)
    {
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        if (antiforgeryToken is not null) body.Add(new(HtmlPage.AntiforgeryFieldName, antiforgeryToken));
        return client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <summary>Submits a form of the page as a browser would (hidden fields and token included), with some values typed in.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, HtmlPage page, string? formAction = null, params (string Name, string Value)[] values)
    {
        var form = page.Form(formAction);
        var fields = HtmlPage.FieldsOf(form, values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page.Response.RequestMessage?.RequestUri?.PathAndQuery ?? "/";
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static async Task<HtmlPage> ToPageAsync(this Task<HttpResponseMessage> response) => await HtmlPage.ParseAsync(await response);

    private static string Describe(HtmlPage page) =>
        page.Response.Headers.Location is { } location ? $"redirect to {location}" : page.Text[..Math.Min(page.Text.Length, 500)];
}
