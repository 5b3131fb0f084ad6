using System.Net;
using System.Text.RegularExpressions;

namespace Coaching.Benchmarks;

/// <summary>The browser-like steps the load clients share: read a page's antiforgery token, post a form that must redirect.</summary>
internal static partial class FormSteps
{
    /// <summary>GETs <paramref name="path"/> (200 expected) and returns the antiforgery token of its form.</summary>
    public static async Task<string> TokenOfAsync(this HttpClient http, string path, string who, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"{who}: GET {path} answered {(int)response.StatusCode} {response.Headers.Location}.");
        return WebUtility.HtmlDecode(Token().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"No antiforgery token on {path}."));
    }

    /// <summary>Posts a form and returns where it redirects to (throws on any other answer).</summary>
    public static async Task<string> PostFormAsync(this HttpClient http, string path, Dictionary<string, string> fields, string? expectRedirectTo,
        string who, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(path, content, cancellationToken);
        var location = response.Headers.Location?.OriginalString;
        if (response.StatusCode != HttpStatusCode.Redirect || location is null || (expectRedirectTo is not null && !location.Contains(expectRedirectTo, StringComparison.Ordinal)))
            throw new InvalidOperationException($"{who}: POST {path} answered {(int)response.StatusCode} (to {location}) instead of a redirect.");
        return location;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
