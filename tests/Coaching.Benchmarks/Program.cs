using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Coaching.Benchmarks;

/// <summary>Benchmarks run in-process (the web app is hosted in memory): `dotnet run -c Release --project tests/Coaching.Benchmarks -- --filter '*'`.</summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args)
    {
        if (args is ["reports-sql", var which])
        {
            Reports.ReportProbe.WriteScript(which);
            return;
        }
        if (args is ["reports-probe"])
        {
            Reports.ReportProbe.RunAsync().GetAwaiter().GetResult();
            return;
        }
        var config = DefaultConfig.Instance
            .AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)))
            .AddColumn(StatisticColumn.P95, StatisticColumn.Median, StatisticColumn.Max)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args, config);
    }
}
