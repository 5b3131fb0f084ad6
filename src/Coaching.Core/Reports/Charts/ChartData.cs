namespace Coaching.Core.Reports.Charts;

/// <summary>One value of a series and the text shown for it (« 12 », « moins de 5 », « — »); a null value draws no bar.</summary>
public sealed record ChartPoint(double? Value, string Text);

public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points);

public enum ChartKind
{
    /// <summary>Categories down the side, bars across; two series side by side make a before/after chart.</summary>
    HorizontalBars,
    /// <summary>Categories (months) along the bottom, columns up: a trend.</summary>
    Columns,
}

/// <summary>The numbers of a chart, without any drawing: the page and the PDF lay it out with <see cref="ChartLayout"/>.</summary>
public sealed record ChartData(string Title, ChartKind Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Fixed top of the scale (e.g. 100 for scores); otherwise the largest value, rounded up.</summary>
    public double? Max { get; init; }
}
