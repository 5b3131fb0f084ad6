using System.Collections.Concurrent;
using System.Globalization;

namespace Coaching.Benchmarks.Load;

/// <summary>Every measured request: its kind, its time, and whether it was the expected answer.</summary>
public sealed class LoadRecorder
{
    private readonly ConcurrentQueue<Sample> _samples = new();

    public bool Recording { get; set; }

    public void Add(string kind, double milliseconds, string? error)
    {
        if (Recording) _samples.Enqueue(new Sample(kind, milliseconds, error));
    }

    public IReadOnlyList<Sample> Samples => [.. _samples];

    public sealed record Sample(string Kind, double Milliseconds, string? Error);

    /// <summary>One line per kind of request, then the total: count, errors, requests/s, p50/p95/p99/max in ms.</summary>
    public IEnumerable<string> Table(TimeSpan wall)
    {
        yield return "| Request | Count | Errors | Req/s | p50 ms | p95 ms | p99 ms | max ms |";
        yield return "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
        var samples = Samples;
        foreach (var group in samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            yield return Line(group.Key, [.. group], wall);
        yield return Line("**all**", samples, wall);
    }

    private static string Line(string kind, IReadOnlyList<Sample> samples, TimeSpan wall)
    {
        var sorted = samples.Select(s => s.Milliseconds).Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"| {kind} | {samples.Count} | {samples.Count(s => s.Error is not null)} | {samples.Count / wall.TotalSeconds:0.0} | {Percentile(sorted, 50):0.0} | {Percentile(sorted, 95):0.0} | {Percentile(sorted, 99):0.0} | {(sorted.Length == 0 ? 0 : sorted[^1]):0.0} |");
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, int percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
