using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Coaching.Benchmarks.Load;

/// <summary>
/// One person's browser (its own cookies and connection) running one request at a time, picked at random from a
/// weighted mix. Advisors browse their caseload and case files, open their diagnostic and save answers to it; managers
/// open the club report, with or without filters.
/// </summary>
public sealed partial class VirtualUser : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(120);
    private readonly HttpClient _http;
    private readonly LoadRecorder _recorder;
    private readonly Random _random;
    private readonly LoadPlan.Account _account;
    private readonly IReadOnlyList<LoadPlan.Question> _questions;
    private readonly Dictionary<string, string> _versions = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<(string Kind, int Weight)> _mix;
    private string _token = "";
    private int _assessmentId;
    private int _answers;

    /// <param name="instances">The app instances' root addresses; with more than one, requests alternate between them.</param>
    public VirtualUser(IReadOnlyList<string> instances, LoadPlan.Account account, IReadOnlyList<(string Kind, int Weight)> mix, IReadOnlyList<LoadPlan.Question> questions, LoadRecorder recorder, int seed)
    {
        _account = account;
        _mix = mix;
        _questions = questions;
        _recorder = recorder;
        _random = new Random(seed);
        HttpMessageHandler handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        if (instances.Count > 1) handler = new RoundRobinHandler([.. instances.Select(i => new Uri(i))], handler);
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri(instances[0]),
            Timeout = RequestTimeout,
        };
    }

    /// <summary>Signs in through /connexion and, for an advisor, starts (or resumes) a diagnostic on a merchant of its own.</summary>
    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        var token = await TokenOfAsync("/connexion", cancellationToken);
        await PostFormAsync("/connexion", new() { ["Email"] = _account.Email, ["Password"] = _account.Password, ["__RequestVerificationToken"] = token }, null, cancellationToken);
        if (_account.DiagnosticMerchantId is not { } merchantId) return; // a manager only reads
        token = await TokenOfAsync($"/dossiers/{merchantId}/diagnostics", cancellationToken);
        var step = await PostFormAsync($"/dossiers/{merchantId}/diagnostics",
            new() { ["Kind"] = "AdvisorDiagnostic", ["__RequestVerificationToken"] = token }, "/etape/", cancellationToken);
        _assessmentId = int.Parse(AssessmentId().Match(step).Groups[1].Value, CultureInfo.InvariantCulture);
        _token = await TokenOfAsync(step, cancellationToken);
    }

    /// <summary>Runs requests back to back until <paramref name="stop"/>, with an optional think time between them.</summary>
    public async Task RunAsync(int thinkMs, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await OneRequestAsync(Pick());
            if (thinkMs > 0)
            {
                try
                {
                    await Task.Delay(_random.Next(thinkMs / 2, thinkMs * 3 / 2 + 1), stop);
                }
                catch (TaskCanceledException)
                {
                    return;
                }
            }
        }
    }

    private string Pick()
    {
        var total = _mix.Sum(m => m.Weight);
        var draw = _random.Next(total);
        foreach (var (kind, weight) in _mix)
        {
            if (draw < weight) return kind;
            draw -= weight;
        }
        return _mix[^1].Kind;
    }

    private Task OneRequestAsync(string kind) => kind switch
    {
        "caseload" => GetAsync(kind, $"/dossiers?Advisor={_account.UserId}&Page={_random.Next(1, Math.Max(2, _account.Caseload.Count / 25 + 1))}"),
        "search" => GetAsync(kind, $"/dossiers?Q={Uri.EscapeDataString(LoadPlan.SearchWords[_random.Next(LoadPlan.SearchWords.Length)])}"),
        "casefile" => GetAsync(kind, $"/dossiers/{_account.Caseload[_random.Next(_account.Caseload.Count)]}"),
        "portfolio" => GetAsync(kind, "/portefeuille"),
        "step" => GetAsync(kind, $"/diagnostics/{_assessmentId}/etape/{_random.Next(1, 9)}"),
        "answer" => SaveAnswerAsync(kind),
        "report" => GetAsync(kind, "/rapports"),
        "report-filtered" => GetAsync(kind, LoadPlan.ReportFilters[_random.Next(LoadPlan.ReportFilters.Length)]),
        _ => throw new ArgumentException($"Unknown request kind {kind}."),
    };

    private async Task GetAsync(string kind, string path)
    {
        var started = Stopwatch.GetTimestamp();
        string? error;
        try
        {
            using var response = await _http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            error = response.StatusCode == HttpStatusCode.OK && body.Length > 0 ? null : $"GET {path}: HTTP {(int)response.StatusCode} {Location(response)}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            error = $"GET {path}: {e.GetType().Name} {e.Message}";
        }
        _recorder.Add(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, error);
    }

    /// <summary>Saves one answer as diagnostic.js does: multipart form, X-CSRF-TOKEN header, the answer's stored version.</summary>
    private async Task SaveAnswerAsync(string kind)
    {
        var n = _answers++;
        var question = _questions[n % _questions.Count];
        var option = question.Options[(n / _questions.Count + 1) % question.Options.Count];
        using var request = FormSteps.AnswerRequest(_assessmentId, _token, question.Code, _versions.GetValueOrDefault(question.Code, ""), option);

        var started = Stopwatch.GetTimestamp();
        string? error;
        try
        {
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var version = response.StatusCode == HttpStatusCode.OK ? FormSteps.SavedVersionOf(body) : null;
            if (version is not null) _versions[question.Code] = version;
            error = version is not null ? null : $"POST answer: HTTP {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            error = $"POST answer: {e.GetType().Name} {e.Message}";
        }
        _recorder.Add(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds, error);
    }

    private static string Location(HttpResponseMessage response) => response.Headers.Location is { } location ? "→ " + location : "";

    private Task<string> TokenOfAsync(string path, CancellationToken cancellationToken) =>
        _http.TokenOfAsync(path, _account.Email, cancellationToken);

    private Task<string> PostFormAsync(string path, Dictionary<string, string> fields, string? expectRedirectTo, CancellationToken cancellationToken) =>
        _http.PostFormAsync(path, fields, expectRedirectTo, _account.Email, cancellationToken);

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"/diagnostics/(\d+)/etape/")]
    private static partial Regex AssessmentId();
}
