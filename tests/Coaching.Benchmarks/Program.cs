using BenchmarkDotNet.Running;

namespace Coaching.Benchmarks;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks (BenchmarkDotNet arguments, e.g. --filter '*Roadmap*'), or, with "--sample FOLDER", writes the
    /// documents being measured into that folder so that they can be looked at.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "--sample")
        {
            await Roadmap.RoadmapSampleWriter.WriteAsync(args[1]);
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
