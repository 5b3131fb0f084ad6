using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Coaching.Web.Hosting;

namespace Coaching.Benchmarks.Load;

/// <summary>
/// The load scenario of issue 7: advisors browsing case files and saving answers while managers read reports, on a
/// generated club (docs/benchmarks.md, « Load »).
/// <para>
/// Serves the real app (Production pipeline) with Kestrel on loopback, on a fresh copy of the database given with --db,
/// or with --postgres on a fresh clone of a PostgreSQL database that `copy-database` filled from that SQLite file.
/// --instances N starts N app instances on the same database (each with its own data folder) and every browser sends
/// its requests to them in turn, as a load balancer without sticky sessions would.
/// Every virtual user is a separate browser (cookies, connection) signed in through /connexion, sending one request
/// at a time with no pause (closed loop: --connections requests always in flight). A warm-up runs the same mix
/// unrecorded. Then, for --duration seconds, every request is timed; an error is any answer but the expected one
/// (200 with a page; 200 with the new version for an answer) and any exception or timeout (120 s).
/// </para>
/// Run: dotnet run -c Release --project tests/Coaching.Benchmarks -- load [--db /tmp/coaching-bench/load10k.db]
///   [--postgres "Host=…;Database=template;…"] [--instances 1] [--connections 64] [--managers 4] [--duration 60] [--warmup 10] [--think-ms 0]
///   [--advisor-mix caseload=2,search=1,casefile=4,portfolio=1,step=2,answer=4] [--manager-mix report=1,report-filtered=2]
/// </summary>
public static class LoadScenario
{
    public const string Command = "load";

    public static async Task<int> RunAsync(string[] args)
    {
        var database = Text(args, "--db", "/tmp/coaching-bench/load10k.db");
        var postgresTemplate = Text(args, "--postgres", "");
        var instanceCount = Math.Max(1, Number(args, "--instances", 1));
        var connections = Number(args, "--connections", 64);
        var managers = Math.Min(Number(args, "--managers", 4), connections);
        var duration = TimeSpan.FromSeconds(Number(args, "--duration", 60));
        var warmup = TimeSpan.FromSeconds(Number(args, "--warmup", 10));
        var thinkMs = Number(args, "--think-ms", 0);
        var advisorMix = Mix(Text(args, "--advisor-mix", "caseload=2,search=1,casefile=4,portfolio=1,step=2,answer=4"));
        var managerMix = Mix(Text(args, "--manager-mix", "report=1,report-filtered=2"));
        if (postgresTemplate.Length == 0 && !File.Exists(database))
        {
            await Console.Error.WriteLineAsync($"No database at {database}: generate one (docs/benchmarks.md, « Load »).");
            return 2;
        }

        await using var postgres = postgresTemplate.Length > 0 ? await PostgresRunDatabase.CloneAsync(postgresTemplate) : null;
        Console.WriteLine(postgres is null
            ? $"Copying {database} and starting {instanceCount} app instance(s) (Production, Kestrel, loopback)…"
            : $"Cloning the PostgreSQL database into {postgres.Name} and starting {instanceCount} app instance(s) (Production, Kestrel, loopback)…");
        var apps = new List<LoadApp>();
        try
        {
            // One after the other: the first applies any pending migration before the others start.
            for (var i = 0; i < instanceCount; i++)
            {
                var app = postgres is not null ? LoadApp.OnPostgres(postgres.ConnectionString)
                    : i == 0 ? LoadApp.OnSqliteCopyOf(database) : LoadApp.OnSameFileAs(apps[0]);
                apps.Add(app);
                await Task.Run(app.Start);
            }
            var storage = postgres is not null ? $"PostgreSQL database {postgres.Name} cloned from the one copied from {database}"
                : $"{database} (copy); SQLite synchronous = {apps[0].Services.GetRequiredService<SqliteOptions>().Synchronous.ToString().ToUpperInvariant()}";
            return await MeasureAsync(apps, storage, connections, managers, duration, warmup, thinkMs, advisorMix, managerMix);
        }
        finally
        {
            foreach (var app in apps) await app.DisposeAsync();
        }
    }

    private static async Task<int> MeasureAsync(List<LoadApp> apps, string storage, int connections, int managers, TimeSpan duration, TimeSpan warmup,
        int thinkMs, List<(string Kind, int Weight)> advisorMix, List<(string Kind, int Weight)> managerMix)
    {
        var (accounts, questions) = await LoadPlan.PrepareAsync(apps[0].Services, connections - managers, managers);
        var instances = apps.Select(a => a.BaseUrl).ToList();

        var recorder = new LoadRecorder();
        var users = accounts.Select((account, i) => new VirtualUser(instances, account,
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
            var errorsBefore = apps.Select(a => a.Errors.Entries.Count).ToList();

            Console.WriteLine($"Measuring: {duration.TotalSeconds:0} s at {connections} connections…");
            recorder.Recording = true;
            var wall = await RunPhaseAsync(users, duration, thinkMs);
            recorder.Recording = false;

            var samples = recorder.Samples;
            var failures = samples.Where(s => s.Error is not null).ToList();
            var appErrors = apps.SelectMany((a, i) => a.Errors.Entries.Skip(errorsBefore[i])).ToList();
            Console.WriteLine();
            Console.WriteLine($"Database: {storage}; app instances: {apps.Count} ({string.Join(", ", instances)}), requests alternate between them");
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
