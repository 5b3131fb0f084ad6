using System.Globalization;
using System.Net;
using System.Text;

namespace Coaching.Core.Reports.Charts;

/// <summary>
/// Draws a <see cref="ChartLayout"/> as inline SVG: presentation attributes only (no style attribute, no script), so
/// that it passes a strict Content-Security-Policy. The figures are also given in a table next to each chart.
/// </summary>
public static class SvgChartRenderer
{
    public static string Render(ChartData data, double width, string id)
    {
        ArgumentNullException.ThrowIfNull(data);
        var layout = ChartLayout.Of(data, width);
        var svg = new StringBuilder(4096);
        var titleId = Escape(id + "-titre");
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {N(layout.Width)} {N(layout.Height)}\" role=\"img\" aria-labelledby=\"{titleId}\" font-family=\"system-ui, sans-serif\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{titleId}\">{Escape(data.Title)}</title>");
        foreach (var shape in layout.Shapes)
        {
            switch (shape)
            {
                case ChartBar bar:
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<rect x=\"{N(bar.X)}\" y=\"{N(bar.Y)}\" width=\"{N(bar.Width)}\" height=\"{N(bar.Height)}\" fill=\"{ChartLayout.SeriesColours[bar.Series % ChartLayout.SeriesColours.Count]}\"/>");
                    break;
                case ChartRule rule:
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<line x1=\"{N(rule.X1)}\" y1=\"{N(rule.Y1)}\" x2=\"{N(rule.X2)}\" y2=\"{N(rule.Y2)}\" stroke=\"{(rule.Axis ? "#4b5563" : "#e5e7eb")}\" stroke-width=\"1\"/>");
                    break;
                case ChartText text:
                    var anchor = text.Anchor switch { TextAnchor.Middle => "middle", TextAnchor.End => "end", _ => "start" };
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<text x=\"{N(text.X)}\" y=\"{N(text.Y)}\" font-size=\"{N(text.Size)}\" text-anchor=\"{anchor}\" fill=\"{(text.Muted ? "#4b5563" : "#111827")}\">{Escape(text.Text)}</text>");
                    break;
            }
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
