using BenchmarkDotNet.Running;

namespace Coaching.Benchmarks;

/// <summary>
/// `-- answers-load [options]` runs the HTTP load client of the diagnostic (see Diagnostics/AnswersLoad.cs);
/// anything else goes to BenchmarkDotNet, e.g. `-- --filter *Scoring*`.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == Diagnostics.AnswersLoad.Command)
            return await Diagnostics.AnswersLoad.RunAsync(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
