using System.Diagnostics;
using System.Globalization;
using Coaching.Core.Reports;
using Coaching.Core.ReferenceData;
using Coaching.Web.Features.Reports;
using Microsoft.Data.Sqlite;

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

    public static async Task RunAsync(int runs = 5)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var form = new ReportFilterForm();
        form.ApplyDefaults(today);
        var unfiltered = form.ToFilter(1, null, today);
        var filtered = unfiltered with { DepartmentCode = "33", Sector = SectorFamily.FoodCraft };
        await using var connection = new SqliteConnection($"Data Source={ReportBenchmarkHost.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        string[] names = ["merchants", "sessions", "diagnostics", "actions"];
        foreach (var (label, filter) in new[] { ("unfiltered", unfiltered), ("filtered", filtered) })
        {
            var commands = ReportQuery.Commands(filter);
            for (var c = 0; c < commands.Count; c++)
            {
                var times = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    var watch = Stopwatch.StartNew();
                    await ReportQuery.ReadAsync(connection, commands[c], filter, CancellationToken.None);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-11} {names[c],-12} median {times[times.Count / 2],8:0.0} ms  max {times[^1],8:0.0} ms"));
            }
        }
    }
}
