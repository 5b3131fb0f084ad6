using PdfSharp.Drawing;

namespace Coaching.Core.Documents;

/// <summary>The flow's drawings, cover, callouts and pictures: the blocks that draw rather than set text.</summary>
public sealed partial class PdfComposer
{
    private sealed partial class Flow
    {
        private void AddDrawing(Drawing drawing)
        {
            var height = Math.Min(drawing.Height, Bottom - Top);
            Ensure(height);
            var box = new XRect(Margin, _y, ContentWidth, height);
            Page.Add(g => drawing.Draw(g, box));
            _y += height + 8;
        }

        /// <summary>The size of an image scaled to fit the box, or null when the bytes are not a readable PNG or JPEG.</summary>
        private static XSize? FitImage(byte[]? bytes, double maxWidth, double maxHeight)
        {
            if (bytes is not { Length: > 0 }) return null;
            try
            {
                using var probe = XImage.FromStream(new MemoryStream(bytes));
                if (probe.PointWidth <= 0 || probe.PointHeight <= 0) return null;
                var scale = Math.Min(1, Math.Min(maxWidth / probe.PointWidth, maxHeight / probe.PointHeight));
                return new XSize(probe.PointWidth * scale, probe.PointHeight * scale);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException or IOException
                or IndexOutOfRangeException or OverflowException or FormatException)
            {
                return null; // an unreadable logo is left out; the document still renders
            }
        }

        private void AddCover(Cover cover)
        {
            if (_y > Top) NewPage();
            _coverPages.Add(_pages.Count - 1);
            const double tileTop = 34, tileHeight = 58, tileMaxWidth = 180, padding = 8;
            var logoSize = FitImage(cover.Logo, tileMaxWidth - 2 * padding, tileHeight - 2 * padding);
            var organisationFont = PdfFonts.Bold(11);
            var tileWidth = logoSize is { } l ? l.Width + 2 * padding : tileMaxWidth;
            var nameLines = TextWrapper.Wrap(_measure, cover.Organisation, organisationFont, tileMaxWidth - 2 * padding, maxLines: 2);
            var sideLines = TextWrapper.Wrap(_measure, cover.Organisation, PdfFonts.Regular(10), ContentWidth - tileWidth - 16, maxLines: 2);

            var kickerFont = PdfFonts.Bold(9);
            var titleFont = PdfFonts.Bold(24);
            var subtitleFont = PdfFonts.Regular(11);
            var kicker = TextWrapper.Wrap(_measure, cover.Kicker.ToUpperInvariant(), kickerFont, ContentWidth, maxLines: 1)[0];
            var titleLines = TextWrapper.Wrap(_measure, cover.Title, titleFont, ContentWidth, maxLines: 3);
            var subtitleLines = TextWrapper.Wrap(_measure, cover.Subtitle, subtitleFont, ContentWidth, maxLines: 2);
            var kickerY = tileTop + tileHeight + 34;
            var titleY = kickerY + 12 + 24;
            var subtitleY = titleY + (titleLines.Count - 1) * 30 + 22;
            var bandHeight = subtitleY + (subtitleLines.Count - 1) * 15 + 26;
            var logo = cover.Logo;

            Page.Add(g =>
            {
                g.DrawRectangle(new XSolidBrush(Brand), 0, 0, PageSize.Width, bandHeight);
                g.DrawRectangle(new XSolidBrush(OnBrandMuted), 0, bandHeight, PageSize.Width, 3);
                g.DrawRoundedRectangle(new XSolidBrush(OnBrand), Margin, tileTop, tileWidth, tileHeight, 8, 8);
                if (logoSize is { } size)
                {
                    using var image = XImage.FromStream(new MemoryStream(logo!));
                    g.DrawImage(image, Margin + padding, tileTop + (tileHeight - size.Height) / 2, size.Width, size.Height);
                    for (var i = 0; i < sideLines.Count; i++)
                        g.DrawString(sideLines[i], PdfFonts.Regular(10), new XSolidBrush(OnBrand),
                            new XPoint(Margin + tileWidth + 16, tileTop + tileHeight / 2 + 4 + (i - (sideLines.Count - 1) / 2.0) * 13), XStringFormats.BaseLineLeft);
                }
                else
                {
                    var first = tileTop + tileHeight / 2 + 4 - (nameLines.Count - 1) * 7;
                    for (var i = 0; i < nameLines.Count; i++)
                        g.DrawString(nameLines[i], organisationFont, new XSolidBrush(Brand), new XPoint(Margin + tileWidth / 2, first + i * 14), XStringFormats.BaseLineCenter);
                }
                g.DrawString(kicker, kickerFont, new XSolidBrush(OnBrandMuted), new XPoint(Margin, kickerY), XStringFormats.BaseLineLeft);
                for (var i = 0; i < titleLines.Count; i++)
                    g.DrawString(titleLines[i], titleFont, new XSolidBrush(OnBrand), new XPoint(Margin, titleY + i * 30), XStringFormats.BaseLineLeft);
                for (var i = 0; i < subtitleLines.Count; i++)
                    g.DrawString(subtitleLines[i], subtitleFont, new XSolidBrush(OnBrandMuted), new XPoint(Margin, subtitleY + i * 15), XStringFormats.BaseLineLeft);
            });
            _y = bandHeight + 28;
            if (cover.Facts.Count > 0) AddFacts(new Facts(cover.Facts));
            _y += 6;
        }

        private void AddCallout(Callout callout)
        {
            const double padding = 10, bar = 3, lineHeight = 14;
            var titleFont = PdfFonts.Bold(10.5);
            var textFont = PdfFonts.Regular(10);
            var width = ContentWidth - 2 * padding - bar;
            var titleLines = TextWrapper.Wrap(_measure, callout.Title, titleFont, width, maxLines: 3);
            var room = (int)((Bottom - Top - 2 * padding) / lineHeight) - titleLines.Count - 1;
            var textLines = string.IsNullOrWhiteSpace(callout.Text) ? [] : TextWrapper.Wrap(_measure, callout.Text, textFont, width, maxLines: Math.Max(1, room));
            var height = 2 * padding + titleLines.Count * lineHeight + (textLines.Count > 0 ? 4 + textLines.Count * lineHeight : 0) - 3;
            Ensure(height);
            var top = _y;
            var placeholder = callout.Tone == CalloutTone.Placeholder;
            Page.Add(g =>
            {
                g.DrawRectangle(new XSolidBrush(placeholder ? PlaceholderFill : HeaderFill), Margin, top, ContentWidth, height);
                g.DrawRectangle(new XSolidBrush(placeholder ? PlaceholderRule : Brand), Margin, top, bar, height);
                var x = Margin + bar + padding;
                var y = top + padding + 9;
                foreach (var line in titleLines)
                {
                    g.DrawString(line, titleFont, new XSolidBrush(placeholder ? Muted : Brand), new XPoint(x, y), XStringFormats.BaseLineLeft);
                    y += lineHeight;
                }
                y += 4;
                foreach (var line in textLines)
                {
                    g.DrawString(line, textFont, new XSolidBrush(placeholder ? Muted : Ink), new XPoint(x, y), XStringFormats.BaseLineLeft);
                    y += lineHeight;
                }
            });
            _y += height + 12;
        }

        private void AddPicture(Picture picture)
        {
            if (FitImage(picture.Bytes, picture.MaxWidth, picture.MaxHeight) is not { } size) return;
            Ensure(size.Height);
            var top = _y;
            Page.Add(g =>
            {
                using var image = XImage.FromStream(new MemoryStream(picture.Bytes));
                g.DrawImage(image, Margin, top, size.Width, size.Height);
            });
            _y += size.Height + 8;
        }
    }
}
