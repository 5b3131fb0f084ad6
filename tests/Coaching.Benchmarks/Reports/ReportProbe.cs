using System.Diagnostics;
using System.Globalization;
using Coaching.Core.Reports;
using Coaching.Core.ReferenceData;
using Coaching.Web.Features.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Coaching.Benchmarks.Reports;

/// <summary>`-- reports-probe`: times each of the report's SQL commands on the generated database, without BenchmarkDotNet.</summary>
public static class ReportProbe
{
    /// <summary>Writes a sqlite3 script (parameters and the four commands) to look at query plans: `-- reports-sql unfiltered`.</summary>
    public static void WriteScript(string which)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var form = new ReportFilterForm();
        form.ApplyDefaults(today);
        var filter = form.ToFilter(1, null, today);
        if (which == "filtered") filter = filter with { DepartmentCode = "33", Sector = SectorFamily.FoodCraft };
        using var command = new SqliteCommand();
        ReportQuery.AddParametersTo(command, filter);
        foreach (SqliteParameter parameter in command.Parameters)
        {
            var value = parameter.Value is DBNull ? "NULL" : parameter.Value is string text ? "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'" : Convert.ToString(parameter.Value, CultureInfo.InvariantCulture);
            Console.WriteLine($".parameter set {parameter.ParameterName} \"{value}\"");
        }
        foreach (var sql in ReportQuery.Commands(filter)) Console.WriteLine(sql + ";\n-- end");
    }

    /// <summary>`-- reports-exports`: the SQL commands per page, then the CSV and PDF exports timed once each (after one warm-up page).</summary>
    public static async Task ExportsAsync()
    {
        await using var host = new ReportBenchmarkHost();
        using var client = await host.SignedInManagerAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var form = new ReportFilterForm();
        form.ApplyDefaults(today);
        var unfiltered = form.ToFilter(1, null, today);
        foreach (var (label, filter) in new[] { ("unfiltered", unfiltered), ("filtered", unfiltered with { DepartmentCode = "33", Sector = SectorFamily.FoodCraft }) })
        {
            var times = new List<double>();
            for (var i = 0; i < 6; i++)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var watch = Stopwatch.StartNew();
                await scope.ServiceProvider.GetRequiredService<ReportQuery>().RunAsync(filter);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ReportQuery.RunAsync in the app, {label}: median {times[3]:0.0} ms, max {times[^1]:0.0} ms"));
        }
        foreach (var url in new[] { "/rapports", ClubReportBenchmarks.FilteredUrl, "/rapports/export.csv", "/rapports/rapport.pdf",
                     "/rapports/export.csv?Department=33&Sector=FoodCraft", "/rapports/rapport.pdf?Department=33&Sector=FoodCraft" })
        {
            using (await client.GetAsync(new Uri(url, UriKind.Relative))) { }
            host.Counter.Reset();
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            watch.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - processor).TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{url,-55} {(int)response.StatusCode} {bytes.Length,9:N0} bytes {watch.Elapsed.TotalMilliseconds,8:0.0} ms (CPU {cpu,6:0.0} ms)  SQL: {host.Counter.Count} by EF Core + {ReportQuery.Commands(new ReportFilter(1, DateTimeOffset.MinValue, DateTimeOffset.MaxValue)).Count} report commands"));
        }
    }

    /// <summary>`-- reports-plan unfiltered|filtered N`: the query plan of command N as the app's SQLite library makes it.</summary>
    public static async Task PlanAsync(string which, int index)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var form = new ReportFilterForm();
        form.ApplyDefaults(today);
        var filter = form.ToFilter(1, null, today);
        if (which == "filtered") filter = filter with { DepartmentCode = "33", Sector = SectorFamily.FoodCraft };
        await using var connection = new SqliteConnection($"Data Source={ReportBenchmarkHost.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        foreach (var row in await ReportQuery.ReadPlanAsync(connection, "EXPLAIN QUERY PLAN " + ReportQuery.Commands(filter)[index], filter)) Console.WriteLine(row);
    }

    /// <summary>
    /// `-- reports-probe --postgres "CONNECTION STRING" [--jit on|off]`: the 4 report commands on a PostgreSQL copy of the
    /// generated club (`copy-database`), timed one by one and together, 30 runs after 3 warm-ups: mean and p95 per command
    /// and for the whole report, unfiltered and filtered (department 33 + food craft).
    /// </summary>
    public static async Task RunPostgresAsync(string connectionString, string? jit, int runs = 30)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var form = new ReportFilterForm();
        form.ApplyDefaults(today);
        var unfiltered = form.ToFilter(1, null, today);
        var filtered = unfiltered with { DepartmentCode = "33", Sector = SectorFamily.FoodCraft };
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        if (jit is not null)
        {
            // Session-wide here, to compare with the server's default (what the app's commands get).
            await using var set = new NpgsqlCommand($"SET jit = {(jit == "off" ? "off" : "on")}", connection);
            await set.ExecuteNonQueryAsync();
        }
        await using (var show = new NpgsqlCommand("SELECT current_setting('jit') || ', ' || version()", connection))
            Console.WriteLine($"jit = {await show.ExecuteScalarAsync()}");
        string[] names = ["merchants", "sessions", "diagnostics", "actions"];
        static string Stats(List<double> times)
        {
            var sorted = times.Order().ToList();
            var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1];
            return string.Create(CultureInfo.InvariantCulture, $"mean {times.Average(),7:0.0} ms  median {sorted[sorted.Count / 2],7:0.0} ms  p95 {p95,7:0.0} ms  max {sorted[^1],7:0.0} ms");
        }
        foreach (var (label, filter) in new[] { ("unfiltered", unfiltered), ("filtered", filtered) })
        {
            var commands = ReportQuery.Commands(filter, ReportSqlDialect.Postgres);
            var perCommand = names.Select(_ => new List<double>()).ToList();
            var total = new List<double>();
            for (var i = -3; i < runs; i++)
            {
                var report = Stopwatch.StartNew();
                for (var c = 0; c < commands.Count; c++)
                {
                    var watch = Stopwatch.StartNew();
                    await ReportQuery.ReadAsync(connection, commands[c], filter, CancellationToken.None);
                    if (i >= 0) perCommand[c].Add(watch.Elapsed.TotalMilliseconds);
                }
                if (i >= 0) total.Add(report.Elapsed.TotalMilliseconds);
            }
            for (var c = 0; c < names.Length; c++) Console.WriteLine($"{label,-11} {names[c],-12} {Stats(perCommand[c])}");
            Console.WriteLine($"{label,-11} {"4 commands",-12} {Stats(total)}  ({runs} runs, jit as set above)");
            // What ReportQuery.RunAsync sends: the 4 commands in one read-only transaction with SET LOCAL jit = off.
            var app = new List<double>();
            for (var i = -3; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await ReportQuery.ReadAllAsync(connection, filter, ReportSqlDialect.Postgres, inTransaction: false, CancellationToken.None);
                if (i >= 0) app.Add(watch.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"{label,-11} {"as the app",-12} {Stats(app)}  ({runs} runs, ReportQuery.ReadAllAsync)");
        }
    }

    public static async Task RunAsync(int runs = 5)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var form = new ReportFilterForm();
        form.ApplyDefaults(today);
        var unfiltered = form.ToFilter(1, null, today);
        var filtered = unfiltered with { DepartmentCode = "33", Sector = SectorFamily.FoodCraft };
        await using var connection = new SqliteConnection($"Data Source={ReportBenchmarkHost.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        if (Environment.GetEnvironmentVariable("COACHING_BENCH_PRAGMAS") is { Length: > 0 } pragmas)
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = pragmas;
            await pragma.ExecuteNonQueryAsync();
        }
        string[] names = ["merchants", "sessions", "diagnostics", "actions"];
        foreach (var (label, filter) in new[] { ("unfiltered", unfiltered), ("filtered", filtered) })
        {
            var commands = ReportQuery.Commands(filter);
            for (var c = 0; c < commands.Count; c++)
            {
                var times = new List<double>();
                var cpu = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    var processor = Process.GetCurrentProcess().TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    await ReportQuery.ReadAsync(connection, commands[c], filter, CancellationToken.None);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - processor).TotalMilliseconds);
                }
                times.Sort();
                cpu.Sort();
                // CPU time shows what a command costs when other processes compete for the two cores.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-11} {names[c],-12} median {times[times.Count / 2],8:0.0} ms  max {times[^1],8:0.0} ms  CPU median {cpu[cpu.Count / 2],8:0.0} ms"));
            }
        }
    }
}
