using PdfSharp.Drawing;

namespace Coaching.Core.Documents;

/// <summary>The vocabulary a document is declared with; <see cref="PdfComposer"/> lays it out and breaks pages.</summary>
public abstract record Block;

public sealed record Heading(string Text, int Level = 1) : Block;

public enum TextTone
{
    Body,
    Muted,
    Strong,
}

/// <summary>Wrapped text; a blank line in the text starts a new paragraph.</summary>
public sealed record Paragraph(string Text, TextTone Tone = TextTone.Body, double Size = 10) : Block;

public sealed record Spacer(double Height) : Block;

public sealed record PageBreak : Block;

/// <summary>
/// Blocks kept on one page as far as their start goes: a heading, its introduction and the header and first rows of a
/// table (<see cref="PdfComposer.KeepRows"/>) move to a new page together when they do not fit at the foot of one.
/// </summary>
public sealed record KeepTogether(IReadOnlyList<Block> Blocks) : Block;

/// <summary>Label–value lines, e.g. the cover's facts.</summary>
public sealed record Facts(IReadOnlyList<(string Label, string Value)> Items) : Block;

public enum CellAlign
{
    Left,
    Right,
    Center,
}

/// <summary>A column: its header, its share of the width and its alignment.</summary>
public sealed record TableColumn(string Header, double Weight, CellAlign Align = CellAlign.Left);

/// <summary>A table whose header is repeated on every page it runs onto; rows never split across pages.</summary>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string? EmptyText = null) : Block;

/// <summary>Vector graphics drawn in a box of the given height across the text width (charts).</summary>
public sealed record Drawing(double Height, Action<XGraphics, XRect> Draw) : Block;

/// <summary>A PNG or JPEG image, scaled to fit the box; unreadable bytes draw nothing.</summary>
public sealed record Picture(byte[] Bytes, double MaxWidth, double MaxHeight) : Block;

/// <summary>
/// The title band of a document's first page: the organisation's logo (or its name when there is no readable logo), a
/// kicker line, the title and a subtitle, then label–value facts. The running header is left off that page.
/// </summary>
public sealed record Cover(
    string Organisation,
    byte[]? Logo,
    string Kicker,
    string Title,
    string Subtitle,
    IReadOnlyList<(string Label, string Value)> Facts) : Block;

public enum CalloutTone
{
    /// <summary>Brand tint: a summary, a key message.</summary>
    Info,

    /// <summary>Grey: something missing, shown as a placeholder.</summary>
    Placeholder,
}

/// <summary>A tinted box with an accent bar, a bold title and wrapped text (a summary, or a placeholder for missing data).</summary>
public sealed record Callout(string Title, string Text, CalloutTone Tone = CalloutTone.Info) : Block;

public sealed record DocumentInfo(string Title, string Author, string Subject);

/// <summary>A rendered document and its page count.</summary>
public sealed record RenderedDocument(byte[] Bytes, int PageCount);
