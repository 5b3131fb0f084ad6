using System.Text;

namespace Coaching.Core.Documents;

/// <summary>
/// French typography for any text shown to a user (pages, e-mails, PDFs): a narrow no-break space (U+202F) before
/// « ; ! ? », a no-break space (U+00A0) before « : » and inside « », and the typographic apostrophe (’) between letters.
/// Idempotent; times and ratios (14:30), URLs (https://, ?page=2) and already-correct text are left alone.
/// </summary>
public static class FrenchTypography
{
    public const char NoBreakSpace = '\u00A0';
    public const char NarrowNoBreakSpace = '\u202F';

    public static string Apply(string? text) => Apply(text, '\0');

    /// <summary>
    /// The same, for a piece of a longer text (an HTML text node) whose preceding character is
    /// <paramref name="before"/> (<c>'\0'</c> when unknown): « <b>Statut</b>: » gets its space too.
    /// </summary>
    public static string Apply(string? text, char before)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (text.AsSpan().IndexOfAny(";:!?«»'") < 0) return text;
        var output = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case ';' or '!' or '?':
                    SpaceBefore(text, i, output, NarrowNoBreakSpace, before);
                    break;
                case ':' or '»':
                    SpaceBefore(text, i, output, NoBreakSpace, before);
                    break;
                case '«':
                    var next = i + 1;
                    while (next < text.Length && IsInlineSpace(text[next])) next++;
                    if (next == text.Length ? next > i + 1 : text[next] is not ('\n' or '\r'))
                    {
                        output.Append(c).Append(NoBreakSpace);
                        i = next - 1;
                        continue;
                    }
                    break;
                case '\'' when i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]):
                    output.Append('’');
                    continue;
            }
            output.Append(c);
        }
        return output.ToString();
    }

    /// <summary>
    /// Puts <paramref name="space"/> before the mark at <paramref name="index"/> when it is prose punctuation: the spaces
    /// already written before it are replaced, a missing one is added after a word.
    /// </summary>
    private static void SpaceBefore(string text, int index, StringBuilder output, char space, char before)
    {
        var mark = text[index];
        if (mark == '»' && !LooksLikeQuote(text, index, before)) return;
        var end = output.Length;
        var start = end;
        while (start > 0 && IsInlineSpace(output[start - 1])) start--;
        if (start < end)
        {
            if (start > 0 && output[start - 1] is '\n' or '\r') return; // a mark that starts a line keeps its indent
            if (mark != '»' && start > 0 && IsMark(output[start - 1])) return; // « ?! » spaced once, before the first
            output.Length = start;
            output.Append(space);
            return;
        }
        var previous = end > 0 ? output[end - 1] : before;
        if (previous == '\0' || !IsProse(text, index)) return;
        if (char.IsLetter(previous) || previous is ')' or '»' or '*' || (char.IsDigit(previous) && mark != ':'))
            output.Append(space);
    }

    /// <summary>A mark ends a clause: what follows is a space, the end, or another mark; never « 14:30 », « :// », « ?a=1 ».</summary>
    private static bool IsProse(string text, int index)
    {
        var mark = text[index];
        if (mark == '»') return true;
        if (index + 1 >= text.Length) return true;
        var after = text[index + 1];
        return char.IsWhiteSpace(after) || after is '\u00A0' or '\u202F' || IsMark(after) || after is ')' or '»' or '"' or '.' or ',' or '<';
    }

    /// <summary>A closing guillemet gets its space only in quoted text (an opening one before it, or a piece of a page).</summary>
    private static bool LooksLikeQuote(string text, int index, char before) => before != '\0' || text.LastIndexOf('«', index) >= 0;

    private static bool IsMark(char c) => c is ';' or ':' or '!' or '?';

    private static bool IsInlineSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u202F';
}
