using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Coaching.Benchmarks;

/// <summary>
/// Benchmarks run in-process (the web app is hosted in memory), in Release: `dotnet run -c Release --project
/// tests/Coaching.Benchmarks -- --filter '*Roadmap*'`. Other commands: `answers-load [options]` (HTTP load client of the
/// diagnostic), `load [options]` (advisors and managers on a generated club, docs/benchmarks.md « Load »), `--sample FOLDER` (writes the roadmap documents measured), `reports-probe` (`--postgres "CONNECTION"` for a PostgreSQL copy), `reports-exports` and
/// `reports-sql unfiltered|filtered` (club report SQL on a generated database).
/// </summary>
public static class BenchmarkEntry
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case [Load.LoadScenario.Command, ..]:
                return await Load.LoadScenario.RunAsync(args[1..]);
            case [Diagnostics.AnswersLoad.Command, ..]:
                return await Diagnostics.AnswersLoad.RunAsync(args[1..]);
            case ["--sample", var folder]:
                await Roadmap.RoadmapSampleWriter.WriteAsync(folder);
                return 0;
            case ["reports-sql", var which]:
                Reports.ReportProbe.WriteScript(which);
                return 0;
            case ["reports-plan", var which, var index]:
                await Reports.ReportProbe.PlanAsync(which, int.Parse(index, System.Globalization.CultureInfo.InvariantCulture));
                return 0;
            case ["reports-exports"]:
                await Reports.ReportProbe.ExportsAsync();
                return 0;
            case ["reports-probe", "--postgres", var connectionString, ..]:
                await Reports.ReportProbe.RunPostgresAsync(connectionString, args is [_, _, _, "--jit", var jit] ? jit : null);
                return 0;
            case ["reports-probe"]:
                await Reports.ReportProbe.RunAsync();
                return 0;
        }
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)))
            .AddColumn(StatisticColumn.P95, StatisticColumn.Median, StatisticColumn.Max)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args, config);
        return 0;
    }
}
