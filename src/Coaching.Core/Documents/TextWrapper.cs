using PdfSharp.Drawing;

namespace Coaching.Core.Documents;

/// <summary>
/// Greedy word wrapping measured with the real font, in French typography; words longer than a line are cut. Lines come
/// back in visual order (right-to-left runs reversed, Arabic letters joined: see <see cref="VisualText"/>), ready for PDFsharp.
/// </summary>
public static class TextWrapper
{
    public static List<string> Wrap(XGraphics graphics, string text, XFont font, double width, int maxLines = int.MaxValue)
    {
        var lines = new List<string>();
        foreach (var paragraph in VisualText.Shape(SafeText.Clean(FrenchTypography.Apply(text))).Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (graphics.MeasureString(candidate, font).Width <= width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0) lines.Add(current);
                current = word;
                while (graphics.MeasureString(current, font).Width > width && current.Length > 1)
                {
                    var fit = FittingPrefix(graphics, current, font, width);
                    lines.Add(current[..fit]);
                    current = current[fit..];
                }
            }
            lines.Add(current);
        }
        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = lines[^1].TrimEnd() + " …";
        }
        return lines.ConvertAll(VisualText.Reorder);
    }

    private static int FittingPrefix(XGraphics graphics, string word, XFont font, double width)
    {
        int low = 1, high = word.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (graphics.MeasureString(word[..middle], font).Width <= width) low = middle;
            else high = middle - 1;
        }
        return low;
    }
}
