using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Coaching.Core.Documents;

/// <summary>
/// Lays declared <see cref="Block"/>s out on A4 pages: wraps text, breaks pages, repeats table headers, and draws
/// the running header and the "page X / Y" footer once the page count is known.
/// </summary>
public sealed partial class PdfComposer(DocumentInfo info, string headerText, string footerText, DateTimeOffset createdAt)
{
    public static readonly XSize PageSize = new(595.28, 841.89);
    public const double Margin = 48;
    private const double Top = Margin + 22;
    private const double Bottom = 841.89 - Margin - 18;
    public static double ContentWidth => PageSize.Width - 2 * Margin;

    public static readonly XColor Ink = XColor.FromArgb(0x1B, 0x1F, 0x24);
    public static readonly XColor Brand = XColor.FromArgb(0x1F, 0x3A, 0x5F);
    public static readonly XColor Muted = XColor.FromArgb(0x55, 0x5E, 0x68);
    public static readonly XColor Rule = XColor.FromArgb(0xC9, 0xD1, 0xDA);
    public static readonly XColor HeaderFill = XColor.FromArgb(0xE8, 0xEE, 0xF5);
    public static readonly XColor ZebraFill = XColor.FromArgb(0xF6, 0xF8, 0xFA);

    public static readonly XColor PlaceholderFill = XColor.FromArgb(0xF2, 0xF3, 0xF5);
    public static readonly XColor PlaceholderRule = XColor.FromArgb(0x9C, 0xA3, 0xAF);
    public static readonly XColor OnBrand = XColor.FromArgb(0xFF, 0xFF, 0xFF);
    public static readonly XColor OnBrandMuted = XColor.FromArgb(0xC4, 0xD3, 0xE6);

    public byte[] Render(IEnumerable<Block> blocks) => Compose(blocks).Bytes;

    public RenderedDocument Compose(IEnumerable<Block> blocks)
    {
        PdfFonts.EnsureInstalled();
        var pages = new List<List<Action<XGraphics>>>();
        var coverPages = new HashSet<int>();
        using (var measure = XGraphics.CreateMeasureContext(PageSize, XGraphicsUnit.Point, XPageDirection.Downwards))
        {
            var flow = new Flow(measure, pages, coverPages);
            var list = blocks.ToList();
            for (var i = 0; i < list.Count; i++) flow.Add(list[i], KeptWith(list, i + 1));
        }

        using var document = new PdfDocument();
        document.Info.Title = info.Title;
        document.Info.Author = info.Author;
        document.Info.Subject = info.Subject;
        document.Info.Creator = "Coaching";
        document.Info.CreationDate = createdAt.UtcDateTime;
        for (var i = 0; i < pages.Count; i++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageSize.Width);
            page.Height = XUnit.FromPoint(PageSize.Height);
            using var graphics = XGraphics.FromPdfPage(page);
            foreach (var draw in pages[i]) draw(graphics);
            DrawDecoration(graphics, i + 1, pages.Count, header: !coverPages.Contains(i));
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return new RenderedDocument(output.ToArray(), pages.Count);
    }

    /// <summary>The room a heading needs below it so as not to stay alone at a page's foot: the whole chart that follows, the headings and chart after a heading, a few lines otherwise.</summary>
    private static double KeptWith(List<Block> blocks, int index) => index >= blocks.Count ? 0 : blocks[index] switch
    {
        Drawing drawing => Math.Min(drawing.Height, Bottom - Top - 60),
        Heading => 30 + KeptWith(blocks, index + 1),
        _ => 40,
    };

    private void DrawDecoration(XGraphics graphics, int page, int pageCount, bool header)
    {
        var small = PdfFonts.Regular(8);
        var muted = new XSolidBrush(Muted);
        if (header)
        {
            var line = TextWrapper.Wrap(graphics, headerText, small, ContentWidth, maxLines: 1)[0];
            graphics.DrawString(line, small, muted, new XPoint(Margin, Margin), XStringFormats.BaseLineLeft);
            graphics.DrawLine(new XPen(Rule, 0.5), Margin, Margin + 6, PageSize.Width - Margin, Margin + 6);
        }
        var footerY = PageSize.Height - Margin;
        graphics.DrawLine(new XPen(Rule, 0.5), Margin, footerY - 12, PageSize.Width - Margin, footerY - 12);
        var footer = TextWrapper.Wrap(graphics, footerText, small, ContentWidth - 70, maxLines: 1)[0];
        graphics.DrawString(footer, small, muted, new XPoint(Margin, footerY), XStringFormats.BaseLineLeft);
        graphics.DrawString($"page {page} / {pageCount}", small, muted, new XPoint(PageSize.Width - Margin, footerY), XStringFormats.BaseLineRight);
    }

    /// <summary>The cursor that places blocks; drawing is recorded per page and replayed once pages exist.</summary>
    private sealed partial class Flow
    {
        private readonly XGraphics _measure;
        private readonly List<List<Action<XGraphics>>> _pages;
        private readonly HashSet<int> _coverPages;
        private double _y;

        public Flow(XGraphics measure, List<List<Action<XGraphics>>> pages, HashSet<int> coverPages)
        {
            _measure = measure;
            _pages = pages;
            _coverPages = coverPages;
            NewPage();
        }

        private List<Action<XGraphics>> Page => _pages[^1];

        private void NewPage()
        {
            _pages.Add([]);
            _y = Top;
        }

        private void Ensure(double height)
        {
            if (_y + height > Bottom && _y > Top) NewPage();
        }

        public void Add(Block block, double keptWith = 40)
        {
            switch (block)
            {
                case Heading heading: AddHeading(heading, Math.Min(keptWith, Bottom - Top - 60)); break;
                case Paragraph paragraph: AddParagraph(paragraph); break;
                case Spacer spacer: _y = Math.Min(_y + spacer.Height, Bottom); break;
                case PageBreak: if (_y > Top) NewPage(); break;
                case Facts facts: AddFacts(facts); break;
                case Table table: AddTable(table); break;
                case Drawing drawing: AddDrawing(drawing); break;
                case Picture picture: AddPicture(picture); break;
                case Cover cover: AddCover(cover); break;
                case Callout callout: AddCallout(callout); break;
                case KeepTogether group: AddGroup(group); break;
                default: throw new ArgumentOutOfRangeException(nameof(block), block.GetType().Name, "Unknown block.");
            }
        }

        private void AddHeading(Heading heading, double keptWith)
        {
            var size = heading.Level switch { 1 => 18, 2 => 13.5, _ => 11 };
            var font = PdfFonts.Bold(size);
            var lines = TextWrapper.Wrap(_measure, heading.Text, font, ContentWidth);
            var lineHeight = size * 1.3;
            // Keep a heading with what follows it (a whole chart, or a few lines).
            Ensure(lines.Count * lineHeight + (heading.Level == 1 ? 6 : 4) + Math.Max(keptWith, 40));
            _y += heading.Level == 1 ? 0 : 6;
            foreach (var line in lines)
            {
                var y = _y + size;
                Page.Add(g => g.DrawString(line, font, new XSolidBrush(Brand), new XPoint(Margin, y), XStringFormats.BaseLineLeft));
                _y += lineHeight;
            }
            _y += heading.Level == 1 ? 8 : 4;
        }

        private void AddParagraph(Paragraph paragraph)
        {
            var font = paragraph.Tone == TextTone.Strong ? PdfFonts.Bold(paragraph.Size) : PdfFonts.Regular(paragraph.Size);
            var brush = new XSolidBrush(paragraph.Tone == TextTone.Muted ? Muted : Ink);
            var lineHeight = paragraph.Size * 1.4;
            foreach (var line in TextWrapper.Wrap(_measure, paragraph.Text, font, ContentWidth))
            {
                Ensure(lineHeight);
                var y = _y + paragraph.Size;
                Page.Add(g => g.DrawString(line, font, brush, new XPoint(Margin, y), XStringFormats.BaseLineLeft));
                _y += lineHeight;
            }
            _y += paragraph.Size * 0.6;
        }

        private void AddFacts(Facts facts)
        {
            var labelFont = PdfFonts.Bold(10);
            var valueFont = PdfFonts.Regular(10);
            const double labelWidth = 150;
            var lines = facts.Items.Select(item => (
                Label: TextWrapper.Wrap(_measure, item.Label, labelFont, labelWidth - 8),
                Value: TextWrapper.Wrap(_measure, item.Value, valueFont, ContentWidth - labelWidth, maxLines: 12))).ToList();
            var total = lines.Sum(l => Math.Max(l.Label.Count, l.Value.Count) * 14 + 4);
            // A short list of facts stays on one page.
            if (total <= (Bottom - Top) / 2) Ensure(total);
            foreach (var (labelLines, valueLines) in lines)
            {
                var height = Math.Max(labelLines.Count, valueLines.Count) * 14 + 4;
                Ensure(height);
                var top = _y;
                Page.Add(g =>
                {
                    for (var i = 0; i < labelLines.Count; i++)
                        g.DrawString(labelLines[i], labelFont, new XSolidBrush(Muted), new XPoint(Margin, top + 10 + i * 14), XStringFormats.BaseLineLeft);
                    for (var i = 0; i < valueLines.Count; i++)
                        g.DrawString(valueLines[i], valueFont, new XSolidBrush(Ink), new XPoint(Margin + labelWidth, top + 10 + i * 14), XStringFormats.BaseLineLeft);
                });
                _y += height;
            }
            _y += 6;
        }

        private void AddTable(Table table)
        {
            if (table.Rows.Count == 0)
            {
                AddParagraph(new Paragraph(table.EmptyText ?? "Aucune ligne.", TextTone.Muted));
                return;
            }
            const double size = 8.5, lineHeight = 11.5, padding = 4;
            var bodyFont = PdfFonts.Regular(size);
            var headerFont = PdfFonts.Bold(size);
            var totalWeight = table.Columns.Sum(c => c.Weight);
            var widths = table.Columns.Select(c => ContentWidth * c.Weight / totalWeight).ToArray();
            var lefts = widths.Select((_, i) => Margin + widths.Take(i).Sum()).ToArray();

            List<string>[] Cells(IReadOnlyList<string> texts, XFont font) =>
                table.Columns.Select((_, i) => TextWrapper.Wrap(_measure, i < texts.Count ? texts[i] : "", font, widths[i] - 2 * padding, maxLines: 30)).ToArray();
            double HeightOf(List<string>[] cells) => cells.Max(c => c.Count) * lineHeight + 2 * padding;

            var header = Cells(table.Columns.Select(c => c.Header).ToList(), headerFont);
            var headerHeight = HeightOf(header);

            void DrawRow(List<string>[] cells, double top, double height, XFont font, XColor? fill)
            {
                Page.Add(g =>
                {
                    if (fill is { } color) g.DrawRectangle(new XSolidBrush(color), Margin, top, ContentWidth, height);
                    g.DrawLine(new XPen(Rule, 0.5), Margin, top + height, Margin + ContentWidth, top + height);
                    for (var c = 0; c < cells.Length; c++)
                    {
                        var align = table.Columns[c].Align;
                        for (var l = 0; l < cells[c].Count; l++)
                        {
                            var y = top + padding + size + l * lineHeight;
                            var (x, format) = align switch
                            {
                                CellAlign.Right => (lefts[c] + widths[c] - padding, XStringFormats.BaseLineRight),
                                CellAlign.Center => (lefts[c] + widths[c] / 2, XStringFormats.BaseLineCenter),
                                _ => (lefts[c] + padding, XStringFormats.BaseLineLeft),
                            };
                            g.DrawString(cells[c][l], font, new XSolidBrush(Ink), new XPoint(x, y), format);
                        }
                    }
                });
            }

            void DrawHeader()
            {
                DrawRow(header, _y, headerHeight, headerFont, HeaderFill);
                _y += headerHeight;
            }

            // The header never starts a page alone: it moves to a new page with its first rows when they do not fit.
            Ensure(Math.Min(MeasureTableStart(table), Bottom - Top));
            DrawHeader();
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var cells = Cells(table.Rows[r], bodyFont);
                var height = HeightOf(cells);
                if (_y + height > Bottom)
                {
                    NewPage();
                    DrawHeader();
                }
                DrawRow(cells, _y, height, bodyFont, r % 2 == 1 ? ZebraFill : null);
                _y += height;
            }
            _y += 10;
        }
    }
}
