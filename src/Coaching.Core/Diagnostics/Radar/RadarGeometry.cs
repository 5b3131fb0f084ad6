namespace Coaching.Core.Diagnostics.Radar;

public readonly record struct RadarPoint(double X, double Y);

public enum RadarTextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>A series to draw: one value per axis, 0–100; null (no score) is drawn at the centre.</summary>
public sealed record RadarSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>One spoke: where it ends and where its label goes (first line's baseline, lines <see cref="RadarGeometry.LineHeight"/> apart).</summary>
public sealed record RadarAxisLayout(int Index, double AngleRadians, RadarPoint End, RadarPoint Label, RadarTextAnchor Anchor, IReadOnlyList<string> LabelLines);

public sealed record RadarRing(double Value, IReadOnlyList<RadarPoint> Points, RadarPoint Label);

public sealed record RadarSeriesLayout(int Index, string Name, IReadOnlyList<RadarPoint> Points, IReadOnlyList<double?> Values);

public sealed record RadarLegendItem(int SeriesIndex, string Name, RadarPoint Swatch, RadarPoint Text);

/// <summary>Everything needed to draw the chart, in user units (SVG pixels or PDF points), y pointing down.</summary>
public sealed record RadarLayout(
    double Width,
    double Height,
    RadarPoint Center,
    double Radius,
    IReadOnlyList<RadarAxisLayout> Axes,
    IReadOnlyList<RadarRing> Rings,
    IReadOnlyList<RadarSeriesLayout> Series,
    IReadOnlyList<RadarLegendItem> Legend);

/// <summary>
/// Computes a radar chart's geometry, with no drawing: the SVG renderer and the PDF roadmap draw the same numbers.
/// The first axis points up and the others follow clockwise at equal angles; a value v lies at v/100 of the radius.
/// </summary>
public static class RadarGeometry
{
    public const double LineHeight = 14;
    public const double FontSize = 12;
    public const int MaxSeries = 3;
    public const int LabelLineLength = 18;
    public static readonly double[] RingValues = [25, 50, 75, 100];

    private const double LabelGap = 10;
    // Room for an 18-character label line at 12 px on each side of the chart.
    private const double LabelMargin = 130;
    private const double LegendRowHeight = 20;

    public static RadarLayout Compute(IReadOnlyList<string> axisLabels, IReadOnlyList<RadarSeries> series, double width = 600)
    {
        ArgumentNullException.ThrowIfNull(axisLabels);
        ArgumentNullException.ThrowIfNull(series);
        if (axisLabels.Count < 3) throw new ArgumentException("A radar chart needs at least three axes.", nameof(axisLabels));
        if (series.Count is < 1 or > MaxSeries) throw new ArgumentException($"A radar chart shows 1 to {MaxSeries} series.", nameof(series));
        if (series.Any(s => s.Values.Count != axisLabels.Count))
            throw new ArgumentException("Each series needs one value per axis.", nameof(series));

        var radius = Math.Max(40, width / 2 - LabelMargin);
        var top = LabelGap + 2 * LineHeight + 8;
        var center = new RadarPoint(width / 2, top + radius);
        var count = axisLabels.Count;

        var axes = Enumerable.Range(0, count).Select(i =>
        {
            var angle = Angle(i, count);
            var end = At(center, radius, angle, 100);
            var lines = WrapLabel(axisLabels[i]);
            return new RadarAxisLayout(i, angle, end, LabelPosition(center, radius, angle, lines.Count), AnchorFor(angle), lines);
        }).ToList();

        var rings = RingValues.Select(value => new RadarRing(
            value,
            Enumerable.Range(0, count).Select(i => At(center, radius, Angle(i, count), value)).ToList(),
            new RadarPoint(center.X + 4, center.Y - radius * value / 100 - 3))).ToList();

        var polygons = series.Select((s, index) => new RadarSeriesLayout(
            index,
            s.Name,
            s.Values.Select((v, i) => At(center, radius, Angle(i, count), Math.Clamp(v ?? 0, 0, 100))).ToList(),
            s.Values)).ToList();

        var legendTop = center.Y + radius + LabelGap + 2 * LineHeight + 12;
        var legend = series.Select((s, index) => new RadarLegendItem(
            index,
            s.Name,
            new RadarPoint(16, legendTop + index * LegendRowHeight),
            new RadarPoint(48, legendTop + index * LegendRowHeight + 4))).ToList();
        var height = legendTop + series.Count * LegendRowHeight + 6;

        return new RadarLayout(width, height, center, radius, axes, rings, polygons, legend);
    }

    /// <summary>Angle of axis <paramref name="index"/>: −90° (up) for the first, then clockwise.</summary>
    public static double Angle(int index, int count) => -Math.PI / 2 + 2 * Math.PI * index / count;

    public static RadarPoint At(RadarPoint center, double radius, double angle, double value) =>
        new(center.X + radius * value / 100 * Math.Cos(angle), center.Y + radius * value / 100 * Math.Sin(angle));

    /// <summary>Splits a label into lines of about <see cref="LabelLineLength"/> characters, on spaces, two lines at most.</summary>
    public static IReadOnlyList<string> WrapLabel(string label)
    {
        var words = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        var current = "";
        foreach (var word in words)
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > LabelLineLength && lines.Count == 0)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : current + " " + word;
            }
        }
        if (current.Length > 0) lines.Add(current);
        return lines;
    }

    private static RadarTextAnchor AnchorFor(double angle)
    {
        var cos = Math.Cos(angle);
        return Math.Abs(cos) < 0.2 ? RadarTextAnchor.Middle : cos > 0 ? RadarTextAnchor.Start : RadarTextAnchor.End;
    }

    private static RadarPoint LabelPosition(RadarPoint center, double radius, double angle, int lineCount)
    {
        var anchor = At(center, radius + LabelGap, angle, 100);
        var sin = Math.Sin(angle);
        var blockHeight = lineCount * LineHeight;
        // Labels above the chart end just above the spoke; below it they start under it; at the sides they are centred on it.
        var firstBaseline = sin < -0.5 ? anchor.Y - blockHeight + FontSize * 0.8
            : sin > 0.5 ? anchor.Y + FontSize
            : anchor.Y - blockHeight / 2 + FontSize * 0.8;
        return new RadarPoint(anchor.X, firstBaseline);
    }
}
