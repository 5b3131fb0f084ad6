using BenchmarkDotNet.Running;

namespace Coaching.Benchmarks;

/// <summary>
/// `-- answers-load [options]` runs the HTTP load client of the diagnostic (see Diagnostics/AnswersLoad.cs);
/// `--sample FOLDER` writes the roadmap documents being measured into that folder so that they can be looked at;
/// anything else goes to BenchmarkDotNet, e.g. `-- --filter *Scoring*` or `-- --filter *Roadmap*`.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == Diagnostics.AnswersLoad.Command)
            return await Diagnostics.AnswersLoad.RunAsync(args[1..]);
        if (args.Length == 2 && args[0] == "--sample")
        {
            await Roadmap.RoadmapSampleWriter.WriteAsync(args[1]);
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
