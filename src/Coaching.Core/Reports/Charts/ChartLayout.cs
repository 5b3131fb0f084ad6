using System.Globalization;

namespace Coaching.Core.Reports.Charts;

public enum TextAnchor
{
    Start,
    Middle,
    End,
}

/// <summary>What a chart is drawn with, in a box whose origin is the top-left corner (y downwards).</summary>
public abstract record ChartShape;

public sealed record ChartBar(double X, double Y, double Width, double Height, int Series) : ChartShape;

public sealed record ChartText(double X, double Y, string Text, TextAnchor Anchor, double Size, bool Muted = false) : ChartShape;

public sealed record ChartRule(double X1, double Y1, double X2, double Y2, bool Axis) : ChartShape;

/// <summary>
/// Geometry of a <see cref="ChartData"/> in a box of the given size: bars, value labels, category labels, grid and
/// legend. Both renderers (SVG for pages, PDFsharp for the report) draw these shapes and nothing else, so that the two
/// show the same chart.
/// </summary>
public sealed record ChartLayout(double Width, double Height, IReadOnlyList<ChartShape> Shapes)
{
    public const double FontSize = 11;
    private const double LegendHeight = 22;

    /// <summary>Colours per series: dark blue, then orange; distinct in lightness too (printing in grey).</summary>
    public static readonly IReadOnlyList<string> SeriesColours = ["#1d4ed8", "#f59e0b", "#047857"];

    public static ChartLayout Of(ChartData data, double width)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.Kind == ChartKind.HorizontalBars ? Horizontal(data, width) : Columns(data, width);
    }

    private static double ScaleMax(ChartData data)
    {
        if (data.Max is { } fixedMax) return fixedMax;
        var max = data.Series.SelectMany(s => s.Points).Select(p => p.Value ?? 0).DefaultIfEmpty(0).Max();
        if (max <= 0) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
            if (step * magnitude >= max) return step * magnitude;
        return 10 * magnitude;
    }

    private static List<ChartShape> Legend(ChartData data, double width)
    {
        var shapes = new List<ChartShape>();
        if (data.Series.Count < 2) return shapes;
        var x = 0.0;
        for (var s = 0; s < data.Series.Count; s++)
        {
            shapes.Add(new ChartBar(x, 5, 14, 10, s));
            shapes.Add(new ChartText(x + 19, 14, data.Series[s].Name, TextAnchor.Start, FontSize));
            x += 19 + EstimateWidth(data.Series[s].Name, FontSize) + 18;
            if (x > width) break;
        }
        return shapes;
    }

    private static ChartLayout Horizontal(ChartData data, double width)
    {
        var shapes = Legend(data, width);
        var top = data.Series.Count > 1 ? LegendHeight + 4 : 4;
        var labelWidth = Math.Min(width * 0.38, data.Categories.Select(c => EstimateWidth(c, FontSize)).DefaultIfEmpty(40).Max() + 8);
        var valueWidth = 48.0;
        var barArea = Math.Max(40, width - labelWidth - valueWidth);
        const double barHeight = 13, barGap = 2, groupGap = 9;
        var groupHeight = data.Series.Count * (barHeight + barGap) - barGap;
        var max = ScaleMax(data);
        var y = top;
        for (var c = 0; c < data.Categories.Count; c++)
        {
            shapes.Add(new ChartText(labelWidth - 8, y + groupHeight / 2 + FontSize * 0.35, Shorten(data.Categories[c], labelWidth - 10), TextAnchor.End, FontSize));
            for (var s = 0; s < data.Series.Count; s++)
            {
                var point = s < data.Series.Count && c < data.Series[s].Points.Count ? data.Series[s].Points[c] : new ChartPoint(null, "");
                var barY = y + s * (barHeight + barGap);
                var length = point.Value is { } v ? Math.Max(0, Math.Min(1, v / max)) * barArea : 0;
                if (length > 0) shapes.Add(new ChartBar(labelWidth, barY, length, barHeight, s));
                shapes.Add(new ChartText(labelWidth + length + 4, barY + barHeight - 3, point.Text, TextAnchor.Start, FontSize - 1, point.Value is null));
            }
            y += groupHeight + groupGap;
        }
        shapes.Add(new ChartRule(labelWidth, top - 2, labelWidth, y - groupGap + 2, Axis: true));
        return new ChartLayout(width, y, shapes);
    }

    private static ChartLayout Columns(ChartData data, double width)
    {
        var shapes = Legend(data, width);
        var top = data.Series.Count > 1 ? LegendHeight + 6 : 8;
        const double plotHeight = 160, axisWidth = 40, labelHeight = 30;
        var max = ScaleMax(data);
        var plotWidth = Math.Max(40, width - axisWidth - 4);
        var bottom = top + plotHeight;
        for (var g = 0; g <= 4; g++)
        {
            var y = bottom - plotHeight * g / 4;
            shapes.Add(new ChartRule(axisWidth, y, axisWidth + plotWidth, y, Axis: g == 0));
            shapes.Add(new ChartText(axisWidth - 4, y + 3.5, Number(max * g / 4), TextAnchor.End, FontSize - 2, Muted: true));
        }
        var count = Math.Max(1, data.Categories.Count);
        var slot = plotWidth / count;
        var barWidth = Math.Max(1.5, (slot * 0.8) / Math.Max(1, data.Series.Count));
        var every = Math.Max(1, (int)Math.Ceiling(count / (plotWidth / 44)));
        for (var c = 0; c < data.Categories.Count; c++)
        {
            var x0 = axisWidth + c * slot + slot * 0.1;
            for (var s = 0; s < data.Series.Count; s++)
            {
                var point = c < data.Series[s].Points.Count ? data.Series[s].Points[c] : new ChartPoint(null, "");
                if (point.Value is not { } v || v <= 0) continue;
                var height = Math.Min(1, v / max) * plotHeight;
                shapes.Add(new ChartBar(x0 + s * barWidth, bottom - height, barWidth, height, s));
            }
            if (c % every == 0)
                shapes.Add(new ChartText(axisWidth + c * slot + slot / 2, bottom + 14, data.Categories[c], TextAnchor.Middle, FontSize - 2));
        }
        return new ChartLayout(width, bottom + labelHeight, shapes);
    }

    private static string Number(double value) =>
        value.ToString(value >= 10 || value == Math.Round(value) ? "N0" : "N1", CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>A width estimate good enough for sans-serif labels (0.55 em per character).</summary>
    public static double EstimateWidth(string text, double size) => (text ?? "").Length * size * 0.55;

    private static string Shorten(string text, double width)
    {
        var max = Math.Max(4, (int)(width / (FontSize * 0.55)));
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }
}
