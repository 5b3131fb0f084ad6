using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Coaching.Core.Data;
using Coaching.Core.Diagnostics.Assessments;
using Coaching.Core.Diagnostics.Questionnaires;
using Coaching.Web.Commands;
using Coaching.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Benchmarks.Diagnostics;

/// <summary>
/// Saving one answer end to end over HTTP, as diagnostic.js does, with many advisors writing at once (issue 3; goal:
/// p95 under 30 ms with 16 concurrent writers on SQLite, and no « database is locked » error ever reaching a user).
/// <para>
/// Serves the real app with Kestrel on loopback (temp SQLite file, demo club, WAL as in production). Each writer is a
/// browser of its own (cookies), signed in as the club manager, who starts a diagnostic on a merchant of their own
/// through the web pages, then posts answers one after the other (by default with no pause: the worst case, since a
/// person takes seconds between two answers) to POST /diagnostics/{id}/reponses: multipart form, X-CSRF-TOKEN header, the answer's
/// expected version from the previous response. A fixed number of requests, all bounded in time.
/// </para>
/// Run: dotnet run -c Release --project tests/Coaching.Benchmarks -- answers-load [--writers 16] [--answers 60] [--warmup 5] [--pause-ms 0]
/// (--pause-ms N: each writer waits N/2 to 3N/2 ms before each answer, like a person answering; 0, the default, is
/// the worst case where every writer posts again as soon as it has its answer.)
/// </summary>
public static partial class AnswersLoad
{
    public const string Command = "answers-load";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var writers = Option(args, "--writers", 16);
        var perWriter = Option(args, "--answers", 60);
        var warmup = Option(args, "--warmup", 5);
        var pause = Option(args, "--pause-ms", 0);
        using var deadline = new CancellationTokenSource(RunTimeout);

        Console.WriteLine($"Starting the app (Kestrel, loopback, SQLite, demo data)…");
        await using var app = new AnswersLoadApp();
        await Task.Run(app.Start);
        var (merchantIds, questions) = await PrepareAsync(app, writers);

        Console.WriteLine($"{writers} writers sign in and start a diagnostic each…");
        var clients = await Task.WhenAll(merchantIds.Select(id => Writer.StartAsync(app.BaseUrl, id, questions, deadline.Token)));
        try
        {
            await Task.WhenAll(clients.Select(c => c.SaveAsync(warmup, record: false, 0, deadline.Token)));
            var lockedBefore = app.Locked.Count;

            Console.WriteLine($"Measuring: {writers} writers × {perWriter} answers, " +
                (pause == 0 ? "no pause between answers…" : $"a pause of {pause / 2}–{pause * 3 / 2} ms between answers…"));
            var wall = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select(c => c.SaveAsync(perWriter, record: true, pause, deadline.Token)));
            wall.Stop();

            var results = clients.SelectMany(c => c.Results).ToList();
            var latencies = results.Select(r => r.Milliseconds).Order().ToArray();
            var failures = results.Where(r => !r.Succeeded).ToList();
            var lockedResponses = results.Count(r => r.MentionsLock);
            var lockedLog = app.Locked.Count - lockedBefore;

            Console.WriteLine();
            Console.WriteLine($"Writers: {writers}; answers saved per writer: {perWriter}; pause: {(pause == 0 ? "none" : $"{pause / 2}–{pause * 3 / 2} ms")}; requests measured: {results.Count} (after {warmup} warm-up answers per writer)");
            Console.WriteLine($"Wall time: {wall.Elapsed.TotalSeconds:0.00} s; throughput: {results.Count / wall.Elapsed.TotalSeconds:0} answers/s");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Latency (ms): p50 {Percentile(latencies, 50):0.0} · p95 {Percentile(latencies, 95):0.0} · p99 {Percentile(latencies, 99):0.0} · max {latencies[^1]:0.0}"));
            Console.WriteLine($"Errors seen by a user: {failures.Count}" + (failures.Count == 0 ? "" :
                " (" + string.Join(", ", failures.GroupBy(f => f.Status).Select(g => $"HTTP {g.Key}: {g.Count()}")) + ")"));
            foreach (var failure in failures.Take(5))
                Console.WriteLine($"  HTTP {failure.Status}: {failure.Body}");
            Console.WriteLine($"Responses mentioning a locked database: {lockedResponses}");
            Console.WriteLine($"App log entries mentioning a locked database (retried inside the app): {lockedLog}");
            foreach (var entry in app.Locked.Entries.Skip(lockedBefore).Take(3))
                Console.WriteLine($"  {entry}");

            var p95 = Percentile(latencies, 95);
            var met = p95 < 30 && failures.Count == 0 && lockedResponses == 0;
            Console.WriteLine(met ? "Goal met: p95 under 30 ms and no error reached a user." : "Goal NOT met.");
            return met ? 0 : 1;
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>Merchants without a diagnostic in progress, and the single-answer questions of the published questionnaire.</summary>
    private static async Task<(List<int> MerchantIds, List<LoadQuestion> Questions)> PrepareAsync(AnswersLoadApp app, int writers)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoachingDbContext>();
        var merchantIds = await db.Merchants
            .Where(m => !db.Assessments.Any(a => a.MerchantId == m.Id && a.Status == AssessmentStatus.InProgress))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(writers).ToListAsync();
        if (merchantIds.Count < writers)
            throw new InvalidOperationException($"Only {merchantIds.Count} demo merchants are free for {writers} writers.");
        var questionnaire = await db.Questionnaires.AsNoTracking().WithContent()
            .Where(q => q.Status == QuestionnaireStatus.Published).OrderByDescending(q => q.PublishedAt).FirstAsync();
        var questions = questionnaire.AllQuestions
            .Where(q => (q.Type is QuestionType.SingleChoice or QuestionType.YesPartialNo or QuestionType.Scale0To5) && !q.HasCondition)
            .Select(q => new LoadQuestion(q.Code, (q.Options.Count > 0 ? q.OrderedOptions : QuestionTypes.FixedOptions(q.Type)).Select(o => o.Code).ToList()))
            .ToList();
        return (merchantIds, questions);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, int percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private sealed record LoadQuestion(string Code, IReadOnlyList<string> Options);

    private sealed record Result(double Milliseconds, int Status, bool Succeeded, bool MentionsLock, string Body);

    /// <summary>One advisor's browser: its cookies, its antiforgery token, its diagnostic and the versions of its answers.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly HttpClient _http;
        private readonly IReadOnlyList<LoadQuestion> _questions;
        private readonly Dictionary<string, string> _versions = new(StringComparer.Ordinal);
        private string _token = "";
        private int _assessmentId;
        private int _sent;

        private Writer(string baseUrl, IReadOnlyList<LoadQuestion> questions)
        {
            _questions = questions;
            _http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(baseUrl),
                Timeout = RequestTimeout,
            };
        }

        public List<Result> Results { get; } = [];

        public static async Task<Writer> StartAsync(string baseUrl, int merchantId, IReadOnlyList<LoadQuestion> questions, CancellationToken cancellationToken)
        {
            var writer = new Writer(baseUrl, questions);
            var token = await writer.TokenOfAsync("/connexion", cancellationToken);
            await writer.PostFormAsync("/connexion", new()
            {
                ["Email"] = DemoAccounts.Manager.Email, ["Password"] = DemoAccounts.Password, ["__RequestVerificationToken"] = token,
            }, expectRedirectTo: null, cancellationToken);

            token = await writer.TokenOfAsync($"/dossiers/{merchantId}/diagnostics", cancellationToken);
            var step = await writer.PostFormAsync($"/dossiers/{merchantId}/diagnostics", new()
            {
                ["Kind"] = nameof(AssessmentKind.AdvisorDiagnostic), ["__RequestVerificationToken"] = token,
            }, expectRedirectTo: "/etape/1", cancellationToken);
            writer._assessmentId = int.Parse(AssessmentId().Match(step).Groups[1].Value, CultureInfo.InvariantCulture);
            writer._token = await writer.TokenOfAsync(step, cancellationToken);
            return writer;
        }

        /// <summary>
        /// Posts <paramref name="count"/> answers one after the other, each a change from what is stored, with a random
        /// pause of half to one and a half times <paramref name="pauseMs"/> before each (none when 0).
        /// </summary>
        public async Task SaveAsync(int count, bool record, int pauseMs, CancellationToken cancellationToken)
        {
            for (var i = 0; i < count; i++)
            {
                if (pauseMs > 0) await Task.Delay(Random.Shared.Next(pauseMs / 2, pauseMs * 3 / 2 + 1), cancellationToken);
                var n = _sent++;
                var question = _questions[n % _questions.Count];
                var option = question.Options[(n / _questions.Count + 1) % question.Options.Count];
                using var request = FormSteps.AnswerRequest(_assessmentId, _token, question.Code, _versions.GetValueOrDefault(question.Code, ""), option);

                var started = Stopwatch.GetTimestamp();
                int status;
                string body;
                try
                {
                    using var response = await _http.SendAsync(request, cancellationToken);
                    body = await response.Content.ReadAsStringAsync(cancellationToken);
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException e)
                {
                    (status, body) = (0, e.Message);
                }
                catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    (status, body) = (0, "timeout: " + e.Message);
                }
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

                var version = status == 200 ? FormSteps.SavedVersionOf(body) : null;
                if (version is not null) _versions[question.Code] = version;
                var mentionsLock = body.Contains("locked", StringComparison.OrdinalIgnoreCase);
                if (record) Results.Add(new Result(elapsed, status, version is not null, mentionsLock, body.Length > 300 ? body[..300] : body));
            }
        }

        private Task<string> TokenOfAsync(string path, CancellationToken cancellationToken) =>
            _http.TokenOfAsync(path, "writer", cancellationToken);

        private Task<string> PostFormAsync(string path, Dictionary<string, string> fields, string? expectRedirectTo, CancellationToken cancellationToken) =>
            _http.PostFormAsync(path, fields, expectRedirectTo, "writer", cancellationToken);

        public void Dispose() => _http.Dispose();
    }

    [GeneratedRegex(@"/diagnostics/(\d+)/etape/1")]
    private static partial Regex AssessmentId();
}
