using Coaching.Core.Documents;
using PdfSharp.Drawing;

namespace Coaching.Core.Reports.Charts;

/// <summary>Draws the same <see cref="ChartLayout"/> as the pages, with PDFsharp, as a <see cref="Drawing"/> block.</summary>
public static class PdfChartRenderer
{
    /// <summary>The chart, or « Aucune donnée » when no category has a value (an axis 0 / 0,2 / 0,5 says nothing).</summary>
    public static Block Block(ChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.Series.Any(s => s.Points.Any(p => p.Value is > 0)))
            return new Paragraph("Aucune donnée pour ce graphique avec ces filtres.", TextTone.Muted);
        var layout = ChartLayout.Of(data, PdfComposer.ContentWidth);
        return new Drawing(layout.Height, (graphics, box) => Draw(graphics, box, layout));
    }

    public static void Draw(XGraphics graphics, XRect box, ChartLayout layout)
    {
        ArgumentNullException.ThrowIfNull(graphics);
        ArgumentNullException.ThrowIfNull(layout);
        var scale = Math.Min(1, Math.Min(box.Width / layout.Width, box.Height / layout.Height));
        double X(double x) => box.X + x * scale;
        double Y(double y) => box.Y + y * scale;
        foreach (var shape in layout.Shapes)
        {
            switch (shape)
            {
                case ChartBar bar:
                    graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(Colour(ChartLayout.SeriesColours[bar.Series % ChartLayout.SeriesColours.Count]))),
                        X(bar.X), Y(bar.Y), bar.Width * scale, bar.Height * scale);
                    break;
                case ChartRule rule:
                    graphics.DrawLine(new XPen(rule.Axis ? XColor.FromArgb(0x4B, 0x55, 0x63) : XColor.FromArgb(0xE5, 0xE7, 0xEB), 0.6),
                        X(rule.X1), Y(rule.Y1), X(rule.X2), Y(rule.Y2));
                    break;
                case ChartText text:
                    var font = PdfFonts.Regular(text.Size * scale * 0.85);
                    var format = text.Anchor switch
                    {
                        TextAnchor.Middle => XStringFormats.BaseLineCenter,
                        TextAnchor.End => XStringFormats.BaseLineRight,
                        _ => XStringFormats.BaseLineLeft,
                    };
                    graphics.DrawString(SafeText.Clean(text.Text), font, new XSolidBrush(text.Muted ? PdfComposer.Muted : PdfComposer.Ink), new XPoint(X(text.X), Y(text.Y)), format);
                    break;
            }
        }
    }

    private static int Colour(string hex) => unchecked((int)0xFF000000 | Convert.ToInt32(hex.TrimStart('#'), 16));
}
