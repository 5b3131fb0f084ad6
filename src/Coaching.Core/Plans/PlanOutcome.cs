namespace Coaching.Core.Plans;

/// <summary>An axis score in the first and in the latest completed diagnostic.</summary>
public sealed record AxisComparison(string AxisCode, string AxisTitle, double? First, double? Latest)
{
    public double? Change => First is { } f && Latest is { } l ? l - f : null;
}

/// <summary>A done action of the plan, with the axis it works on and when it was done.</summary>
public sealed record DoneAction(string ActionCode, string Title, string AxisCode, DateTimeOffset? CompletedAt);

/// <summary>An axis' change between two diagnostics next to the done actions that went with it.</summary>
public sealed record AxisOutcome(AxisComparison Axis, IReadOnlyList<DoneAction> DoneActions);

/// <summary>
/// Closes the loop diagnostic → action → session → new diagnostic: for each axis of the latest diagnostic, its change
/// since the first one, with the actions of the plan done on that axis (done before the latest diagnostic was completed).
/// Done actions whose axis is in neither diagnostic come last, under their own axis code. Pure.
/// </summary>
public static class PlanOutcome
{
    public static IReadOnlyList<AxisOutcome> Compare(
        IReadOnlyList<AxisComparison> axes, IReadOnlyList<DoneAction> done, DateTimeOffset latestCompletedAt)
    {
        var counted = done.Where(d => d.CompletedAt is null || d.CompletedAt <= latestCompletedAt).ToList();
        var outcomes = axes
            .Select(a => new AxisOutcome(a, counted.Where(d => d.AxisCode == a.AxisCode).ToList()))
            .ToList();
        var known = axes.Select(a => a.AxisCode).ToHashSet(StringComparer.Ordinal);
        outcomes.AddRange(counted.Where(d => !known.Contains(d.AxisCode))
            .GroupBy(d => d.AxisCode, StringComparer.Ordinal)
            .Select(g => new AxisOutcome(new AxisComparison(g.Key, g.Key, null, null), g.ToList())));
        return outcomes;
    }
}
