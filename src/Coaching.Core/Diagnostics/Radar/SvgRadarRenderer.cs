using System.Globalization;
using System.Text;

namespace Coaching.Core.Diagnostics.Radar;

/// <summary>
/// Draws a <see cref="RadarLayout"/> as an SVG string. Presentation attributes only — no style attribute, no script —
/// so that it can be inlined in pages under a strict Content-Security-Policy. Series differ by colour and by dash
/// pattern, so that they stay distinct in black and white and for colour-blind readers.
/// </summary>
public static class SvgRadarRenderer
{
    public sealed record SeriesStyle(string Colour, string? DashArray, double FillOpacity);

    public static readonly IReadOnlyList<SeriesStyle> Styles =
    [
        new("#1d4ed8", null, 0.18),
        new("#b45309", "7 4", 0.08),
        new("#4b5563", "2 3", 0.0),
    ];

    /// <param name="title">Read by screen readers (the figures are also given in a table next to the chart).</param>
    /// <param name="idPrefix">Makes the ids unique when a page holds several charts.</param>
    public static string Render(RadarLayout layout, string title, string idPrefix = "radar")
    {
        ArgumentNullException.ThrowIfNull(layout);
        var svg = new StringBuilder(4096);
        var titleId = idPrefix + "-titre";
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"radar\" viewBox=\"0 0 {N(layout.Width)} {N(layout.Height)}\" width=\"100%\" role=\"img\" aria-labelledby=\"{Escape(titleId)}\" font-family=\"system-ui, sans-serif\" font-size=\"{N(RadarGeometry.FontSize)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{Escape(titleId)}\">{Escape(title)}</title>");

        svg.Append("<g fill=\"none\" stroke=\"#d1d5db\" stroke-width=\"1\">");
        foreach (var ring in layout.Rings)
            svg.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{Points(ring.Points)}\"/>");
        foreach (var axis in layout.Axes)
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(layout.Center.X)}\" y1=\"{N(layout.Center.Y)}\" x2=\"{N(axis.End.X)}\" y2=\"{N(axis.End.Y)}\"/>");
        svg.Append("</g>");

        svg.Append("<g fill=\"#6b7280\" font-size=\"10\" aria-hidden=\"true\">");
        foreach (var ring in layout.Rings)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(ring.Label.X)}\" y=\"{N(ring.Label.Y)}\">{N(ring.Value)}</text>");
        svg.Append("</g>");

        foreach (var series in layout.Series)
        {
            var style = Styles[series.Index % Styles.Count];
            var dash = style.DashArray is null ? "" : $" stroke-dasharray=\"{style.DashArray}\"";
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"radar-series\"><polygon points=\"{Points(series.Points)}\" fill=\"{style.Colour}\" fill-opacity=\"{N(style.FillOpacity)}\" stroke=\"{style.Colour}\" stroke-width=\"2.5\"{dash}/>");
            foreach (var point in series.Points)
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(point.X)}\" cy=\"{N(point.Y)}\" r=\"3\" fill=\"{style.Colour}\"/>");
            svg.Append("</g>");
        }

        svg.Append("<g fill=\"#111827\">");
        foreach (var axis in layout.Axes)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(axis.Label.X)}\" y=\"{N(axis.Label.Y)}\" text-anchor=\"{Anchor(axis.Anchor)}\">");
            for (var line = 0; line < axis.LabelLines.Count; line++)
            {
                var dy = line == 0 ? "0" : N(RadarGeometry.LineHeight);
                svg.Append(CultureInfo.InvariantCulture, $"<tspan x=\"{N(axis.Label.X)}\" dy=\"{dy}\">{Escape(axis.LabelLines[line])}</tspan>");
            }
            svg.Append("</text>");
        }
        svg.Append("</g>");

        svg.Append("<g class=\"radar-legend\" fill=\"#111827\">");
        foreach (var item in layout.Legend)
        {
            var style = Styles[item.SeriesIndex % Styles.Count];
            var dash = style.DashArray is null ? "" : $" stroke-dasharray=\"{style.DashArray}\"";
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{N(item.Swatch.X)}\" y1=\"{N(item.Swatch.Y)}\" x2=\"{N(item.Swatch.X + 24)}\" y2=\"{N(item.Swatch.Y)}\" stroke=\"{style.Colour}\" stroke-width=\"3\"{dash}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(item.Text.X)}\" y=\"{N(item.Text.Y)}\">{Escape(item.Name)}</text>");
        }
        svg.Append("</g></svg>");
        return svg.ToString();
    }

    private static string Points(IEnumerable<RadarPoint> points) => string.Join(' ', points.Select(p => N(p.X) + "," + N(p.Y)));

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Anchor(RadarTextAnchor anchor) => anchor switch
    {
        RadarTextAnchor.Start => "start",
        RadarTextAnchor.End => "end",
        _ => "middle",
    };

    private static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
