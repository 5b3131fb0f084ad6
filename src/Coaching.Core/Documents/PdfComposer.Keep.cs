using PdfSharp.Drawing;

namespace Coaching.Core.Documents;

public sealed partial class PdfComposer
{
    /// <summary>How many first rows of a table stay with its header (and the heading before it) on one page.</summary>
    public const int KeepRows = 3;

    private sealed partial class Flow
    {
        /// <summary>Starts a new page first when the start of the group (see <see cref="KeepTogether"/>) does not fit.</summary>
        private void AddGroup(KeepTogether group)
        {
            var height = group.Blocks.Sum(Measure);
            if (height <= Bottom - Top) Ensure(height);
            foreach (var block in group.Blocks) Add(block);
        }

        /// <summary>The height a block needs before the page may break: the same arithmetic as its Add method.</summary>
        private double Measure(Block block) => block switch
        {
            Heading heading => MeasureHeading(heading),
            Paragraph paragraph => TextWrapper.Wrap(_measure, paragraph.Text, ParagraphFont(paragraph), ContentWidth).Count * paragraph.Size * 1.4 + paragraph.Size * 0.6,
            Table table => MeasureTableStart(table),
            Spacer spacer => spacer.Height,
            _ => 0,
        };

        private double MeasureHeading(Heading heading)
        {
            var size = heading.Level switch { 1 => 18, 2 => 13.5, _ => 11 };
            var lines = TextWrapper.Wrap(_measure, heading.Text, PdfFonts.Bold(size), ContentWidth);
            return lines.Count * size * 1.3 + (heading.Level == 1 ? 8 : 10);
        }

        private static XFont ParagraphFont(Paragraph paragraph) =>
            paragraph.Tone == TextTone.Strong ? PdfFonts.Bold(paragraph.Size) : PdfFonts.Regular(paragraph.Size);

        /// <summary>The header and the first <see cref="KeepRows"/> rows of a table (its empty text when it has none).</summary>
        private double MeasureTableStart(Table table)
        {
            if (table.Rows.Count == 0) return Measure(new Paragraph(table.EmptyText ?? "Aucune ligne.", TextTone.Muted));
            const double size = 8.5, lineHeight = 11.5, padding = 4;
            var totalWeight = table.Columns.Sum(c => c.Weight);
            var widths = table.Columns.Select(c => ContentWidth * c.Weight / totalWeight).ToArray();
            double HeightOf(IReadOnlyList<string> texts, XFont font) =>
                table.Columns.Select((_, i) => TextWrapper.Wrap(_measure, i < texts.Count ? texts[i] : "", font, widths[i] - 2 * padding, maxLines: 30).Count).Max()
                * lineHeight + 2 * padding;
            return HeightOf(table.Columns.Select(c => c.Header).ToList(), PdfFonts.Bold(size)) +
                table.Rows.Take(KeepRows).Sum(row => HeightOf(row, PdfFonts.Regular(size)));
        }
    }
}
