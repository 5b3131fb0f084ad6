using Coaching.Core.Documents;
using PdfSharp.Drawing;

namespace Coaching.Core.Diagnostics.Radar;

/// <summary>
/// Draws a <see cref="RadarLayout"/> with PDFsharp as vector graphics: the same numbers as <see cref="SvgRadarRenderer"/>,
/// scaled uniformly into a box (see <see cref="Fit"/>), with the same colours and dash patterns per series.
/// </summary>
public static class PdfRadarRenderer
{
    /// <summary>How layout units map to the page: a uniform scale, then an offset that centres the chart in the box.</summary>
    public readonly record struct Placement(double Scale, double OffsetX, double OffsetY)
    {
        public XPoint Map(RadarPoint point) => new(OffsetX + point.X * Scale, OffsetY + point.Y * Scale);
    }

    public static Placement Fit(RadarLayout layout, XRect box)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var scale = Math.Min(box.Width / layout.Width, box.Height / layout.Height);
        return new Placement(scale, box.X + (box.Width - layout.Width * scale) / 2, box.Y + (box.Height - layout.Height * scale) / 2);
    }

    public static void Draw(XGraphics graphics, XRect box, RadarLayout layout)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        var at = Fit(layout, box);
        var s = at.Scale;

        var gridPen = new XPen(Colour("#d1d5db"), Math.Max(0.5, s));
        foreach (var ring in layout.Rings)
            graphics.DrawPolygon(gridPen, ring.Points.Select(at.Map).ToArray());
        foreach (var axis in layout.Axes)
            graphics.DrawLine(gridPen, at.Map(layout.Center), at.Map(axis.End));

        var ringFont = PdfFonts.Regular(10 * s);
        var ringBrush = new XSolidBrush(Colour("#6b7280"));
        foreach (var ring in layout.Rings)
            graphics.DrawString(ring.Value.ToString("0", System.Globalization.CultureInfo.InvariantCulture), ringFont, ringBrush, at.Map(ring.Label), XStringFormats.BaseLineLeft);

        foreach (var series in layout.Series)
        {
            var style = SvgRadarRenderer.Styles[series.Index % SvgRadarRenderer.Styles.Count];
            var colour = Colour(style.Colour);
            var points = series.Points.Select(at.Map).ToArray();
            var pen = Pen(colour, 2.5 * s, style.DashArray, s);
            if (style.FillOpacity > 0)
                graphics.DrawPolygon(pen, new XSolidBrush(XColor.FromArgb((int)Math.Round(style.FillOpacity * 255), colour.R, colour.G, colour.B)), points, XFillMode.Winding);
            else
                graphics.DrawPolygon(pen, points);
            var dot = new XSolidBrush(colour);
            foreach (var point in points)
                graphics.DrawEllipse(dot, point.X - 3 * s, point.Y - 3 * s, 6 * s, 6 * s);
        }

        var labelFont = PdfFonts.Regular(RadarGeometry.FontSize * s);
        var ink = new XSolidBrush(Colour("#111827"));
        foreach (var axis in layout.Axes)
        {
            var format = axis.Anchor switch
            {
                RadarTextAnchor.Start => XStringFormats.BaseLineLeft,
                RadarTextAnchor.End => XStringFormats.BaseLineRight,
                _ => XStringFormats.BaseLineCenter,
            };
            for (var line = 0; line < axis.LabelLines.Count; line++)
            {
                var origin = at.Map(new RadarPoint(axis.Label.X, axis.Label.Y + line * RadarGeometry.LineHeight));
                graphics.DrawString(SafeText.Clean(axis.LabelLines[line]), labelFont, ink, origin, format);
            }
        }

        foreach (var item in layout.Legend)
        {
            var style = SvgRadarRenderer.Styles[item.SeriesIndex % SvgRadarRenderer.Styles.Count];
            graphics.DrawLine(Pen(Colour(style.Colour), 3 * s, style.DashArray, s), at.Map(item.Swatch), at.Map(new RadarPoint(item.Swatch.X + 24, item.Swatch.Y)));
            graphics.DrawString(SafeText.Clean(item.Name), labelFont, ink, at.Map(item.Text), XStringFormats.BaseLineLeft);
        }
    }

    /// <summary>A pen whose dash pattern matches the SVG's stroke-dasharray (given in user units; PDFsharp counts in pen widths).</summary>
    private static XPen Pen(XColor colour, double width, string? dashArray, double scale)
    {
        var pen = new XPen(colour, width) { LineJoin = XLineJoin.Round };
        if (dashArray is not null)
        {
            pen.DashPattern = dashArray.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(d => double.Parse(d, System.Globalization.CultureInfo.InvariantCulture) * scale / width)
                .ToArray();
        }
        return pen;
    }

    private static XColor Colour(string hex) => XColor.FromArgb(
        Convert.ToInt32(hex.Substring(1, 2), 16), Convert.ToInt32(hex.Substring(3, 2), 16), Convert.ToInt32(hex.Substring(5, 2), 16));
}
