using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Coaching.Tests.Features.Diagnostics;

/// <summary>Drives the diagnostic pages the way the browser and diagnostic.js do.</summary>
internal sealed class DiagnosticClient(HttpClient client)
{
    public HttpClient Http => client;

    public async Task<int> StartAsync(int merchantId)
    {
        var token = DiagnosticClient.Token(await client.GetStringAsync($"/dossiers/{merchantId}/diagnostics"));
        var response = await client.PostAsync($"/dossiers/{merchantId}/diagnostics", Form(("__RequestVerificationToken", token), ("Kind", "AdvisorDiagnostic")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/diagnostics/\\d+/etape/1$", location);
        return int.Parse(location.Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IHtmlDocument> PageAsync(string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts answers to the autosave endpoint, with the antiforgery token in the X-CSRF-TOKEN header like diagnostic.js.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> SaveAsync(int id, params (string Name, string Value)[] fields)
    {
        // Like a page left open: the token comes from whatever page the wizard's address now shows (results once completed).
        var step = await client.GetAsync($"/diagnostics/{id}/etape/1");
        var page = step.StatusCode == HttpStatusCode.Redirect
            ? await client.GetStringAsync(step.Headers.Location!.OriginalString)
            : await step.Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/diagnostics/{id}/reponses") { Content = Form(fields) };
        request.Headers.Add("X-CSRF-TOKEN", DiagnosticClient.Token(page));
        var response = await client.SendAsync(request);
        var json = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(json).RootElement.Clone());
    }

    public static string Token(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("No antiforgery token in the page.");

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
}
