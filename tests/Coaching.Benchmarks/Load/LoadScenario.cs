using System.Diagnostics;
using System.Globalization;
using Coaching.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Coaching.Benchmarks.Load;

/// <summary>
/// The load scenario of issue 7: advisors browsing case files and saving answers while managers read reports, on a
/// generated club (docs/benchmarks.md, « Load »).
/// <para>
/// Serves the real app (Production pipeline) with Kestrel on loopback, on a fresh copy of the database given with --db.
/// Every virtual user is a separate browser (cookies, connection) signed in through /connexion, sending one request
/// at a time with no pause (closed loop: --connections requests always in flight). A warm-up runs the same mix
/// unrecorded. Then, for --duration seconds, every request is timed; an error is any answer but the expected one
/// (200 with a page; 200 with the new version for an answer) and any exception or timeout (120 s).
/// </para>
/// Run: dotnet run -c Release --project tests/Coaching.Benchmarks -- load [--db /tmp/coaching-bench/load10k.db]
///   [--connections 64] [--managers 4] [--duration 60] [--warmup 10] [--think-ms 0]
///   [--advisor-mix caseload=2,search=1,casefile=4,portfolio=1,step=2,answer=4] [--manager-mix report=1,report-filtered=2]
/// </summary>
public static class LoadScenario
{
    public const string Command = "load";

    public static async Task<int> RunAsync(string[] args)
    {
        var database = Text(args, "--db", "/tmp/coaching-bench/load10k.db");
        var connections = Number(args, "--connections", 64);
        var managers = Math.Min(Number(args, "--managers", 4), connections);
        var duration = TimeSpan.FromSeconds(Number(args, "--duration", 60));
        var warmup = TimeSpan.FromSeconds(Number(args, "--warmup", 10));
        var thinkMs = Number(args, "--think-ms", 0);
        var advisorMix = Mix(Text(args, "--advisor-mix", "caseload=2,search=1,casefile=4,portfolio=1,step=2,answer=4"));
        var managerMix = Mix(Text(args, "--manager-mix", "report=1,report-filtered=2"));
        if (!File.Exists(database))
        {
            await Console.Error.WriteLineAsync($"No database at {database}: generate one (docs/benchmarks.md, « Load »).");
            return 2;
        }

        Console.WriteLine($"Copying {database} and starting the app (Production, Kestrel, loopback)…");
        await using var app = new LoadApp(database);
        await Task.Run(app.Start);
        var sqlite = app.Services.GetRequiredService<SqliteOptions>();
        var (accounts, questions) = await LoadPlan.PrepareAsync(app.Services, connections - managers, managers);

        var recorder = new LoadRecorder();
        var users = accounts.Select((account, i) => new VirtualUser(app.BaseUrl, account,
            account.DiagnosticMerchantId is null ? managerMix : advisorMix, questions, recorder, seed: 2026 + i)).ToList();
        try
        {
            Console.WriteLine($"{users.Count} users sign in ({connections - managers} advisors of {accounts.Where(a => a.DiagnosticMerchantId is not null).Select(a => a.Email).Distinct().Count()} accounts, {managers} managers)…");
            using (var signIn = new CancellationTokenSource(TimeSpan.FromMinutes(5)))
            using (var gate = new SemaphoreSlim(4))
            {
                await Task.WhenAll(users.Select(async user =>
                {
                    await gate.WaitAsync(signIn.Token);
                    try
                    {
                        await user.SignInAsync(signIn.Token);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }

            Console.WriteLine($"Warm-up: {warmup.TotalSeconds:0} s…");
            await RunPhaseAsync(users, warmup, thinkMs);
            var errorsBefore = app.Errors.Entries.Count;

            Console.WriteLine($"Measuring: {duration.TotalSeconds:0} s at {connections} connections…");
            recorder.Recording = true;
            var wall = await RunPhaseAsync(users, duration, thinkMs);
            recorder.Recording = false;

            var samples = recorder.Samples;
            var failures = samples.Where(s => s.Error is not null).ToList();
            var appErrors = app.Errors.Entries.Skip(errorsBefore).ToList();
            Console.WriteLine();
            Console.WriteLine($"Database: {database} (copy); SQLite synchronous = {sqlite.Synchronous.ToString().ToUpperInvariant()}");
            Console.WriteLine($"Connections: {connections} ({connections - managers} advisors, {managers} managers); think time: {(thinkMs == 0 ? "none" : $"{thinkMs / 2}–{thinkMs * 3 / 2} ms")}; " +
                $"advisor mix: {Describe(advisorMix)}; manager mix: {Describe(managerMix)}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Measured: {duration.TotalSeconds:0} s of requests, {wall.TotalSeconds:0.0} s until the last one ended; {samples.Count} requests, {samples.Count / wall.TotalSeconds:0.0} req/s"));
            Console.WriteLine(Environment.NewLine + string.Join(Environment.NewLine, recorder.Table(wall)) + Environment.NewLine);
            Console.WriteLine($"Errors: {failures.Count}; app log entries at Error level: {appErrors.Count}");
            foreach (var failure in failures.GroupBy(f => f.Error![..Math.Min(f.Error!.Length, 120)]).Take(5))
                Console.WriteLine($"  {failure.Count()} × {failure.Key}");
            foreach (var entry in appErrors.Take(3))
                Console.WriteLine($"  {entry}");
            var met = failures.Count == 0 && appErrors.Count == 0;
            Console.WriteLine(met ? "Zero errors." : "Errors: goal NOT met.");
            return met ? 0 : 1;
        }
        finally
        {
            foreach (var user in users) user.Dispose();
        }
    }

    /// <summary>Every user sends requests until the time is up; returns the time until the last request ended.</summary>
    private static async Task<TimeSpan> RunPhaseAsync(List<VirtualUser> users, TimeSpan length, int thinkMs)
    {
        using var stop = new CancellationTokenSource(length);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(users.Select(user => Task.Run(() => user.RunAsync(thinkMs, stop.Token))));
        return watch.Elapsed;
    }

    private static List<(string Kind, int Weight)> Mix(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('='))
            .Select(pair => (pair[0], int.Parse(pair[1], CultureInfo.InvariantCulture)))
            .Where(m => m.Item2 > 0)
            .ToList();

    private static string Describe(List<(string Kind, int Weight)> mix) => string.Join(", ", mix.Select(m => $"{m.Kind} {m.Weight}"));

    private static string Text(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static int Number(string[] args, string name, int fallback) =>
        int.TryParse(Text(args, name, ""), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
