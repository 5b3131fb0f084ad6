using System.Net;
using System.Text.Json;
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

    /// <summary>One answer saved as diagnostic.js does: multipart form, X-CSRF-TOKEN header, the answer's stored version.</summary>
    public static HttpRequestMessage AnswerRequest(int assessmentId, string token, string questionCode, string expectedVersion, string option)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(questionCode), "Answers[0].QuestionCode" },
            { new StringContent(expectedVersion), "Answers[0].ExpectedVersion" },
            { new StringContent(option), "Answers[0].Options" },
            { new StringContent(""), "Answers[0].Comment" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"/diagnostics/{assessmentId}/reponses") { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", token);
        request.Headers.Add("Accept", "application/json");
        return request;
    }

    /// <summary>The new version of the answer from the JSON the app returns, or null when it was not saved.</summary>
    public static string? SavedVersionOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        var answers = json.RootElement.GetProperty("answers");
        return answers.GetArrayLength() == 1 && answers[0].GetProperty("version").GetString() is { Length: > 0 } version ? version : null;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
