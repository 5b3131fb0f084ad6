using System.Globalization;
using System.Text;

namespace Coaching.Core.Documents;

/// <summary>
/// Right-to-left text for PDFsharp, which draws a string's characters left to right as they come. Arabic letters are
/// first joined (each takes its isolated, initial, medial or final form from Arabic Presentation Forms-B, with the
/// lam-alef ligatures; DejaVu Sans has them all), then each wrapped line is put in visual order by the implicit part
/// of the Unicode bidirectional algorithm (no explicit embeddings: <see cref="SafeText"/> removes those controls):
/// right-to-left runs are reversed, digits inside them keep their order, brackets are mirrored. A PDF reader
/// extracting text therefore gets the glyphs in visual order; <c>string.Reverse</c> of a right-to-left run and NFKC
/// give back the logical text.
/// </summary>
public static class VisualText
{
    public static bool HasRightToLeft(string text) => text.Any(IsRightToLeft);

    /// <summary>Arabic letters in their joined forms (logical order kept).</summary>
    public static string Shape(string text)
    {
        if (!text.Any(c => Forms.ContainsKey(c))) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Forms.TryGetValue(c, out var form))
            {
                builder.Append(c);
                continue;
            }
            var previous = Neighbour(text, i, -1);
            var joinsPrevious = form.Joining != 'U' && previous >= 0 && JoinsForward(text[previous]);
            if (c == '\u0644' && Neighbour(text, i, +1) is var n && n >= 0 && LamAlef(text[n]) is { } ligature)
            {
                builder.Append((char)(ligature + (joinsPrevious ? 1 : 0)));
                builder.Append(text, i + 1, n - i - 1); // marks between lam and alef
                i = n;
                continue;
            }
            var next = Neighbour(text, i, +1);
            var joinsNext = form.Joining == 'D' && next >= 0 && Forms.TryGetValue(text[next], out var after) && after.Joining != 'U';
            builder.Append(form.Isolated == 0 ? c : (char)(form.Isolated + (joinsPrevious, joinsNext) switch
            {
                (true, true) => 3,
                (false, true) => 2,
                (true, false) => 1,
                _ => 0,
            }));
        }
        return builder.ToString();
    }

    /// <summary>One line in the order its characters are drawn from left to right.</summary>
    public static string Reorder(string line)
    {
        if (!HasRightToLeft(line)) return line;
        var types = line.Select(Classify).ToArray();
        var paragraph = types.FirstOrDefault(t => t is 'L' or 'R') == 'R' ? 'R' : 'L';
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] == 'M') types[i] = i == 0 ? paragraph : types[i - 1];
        }
        for (var i = 0; i < types.Length; i++)
        {
            // Digits after Latin text (or at the start of a left-to-right line) are Latin text.
            if (types[i] != 'E') continue;
            var strong = paragraph;
            for (var j = i - 1; j >= 0; j--)
            {
                if (types[j] is 'L' or 'R') { strong = types[j]; break; }
            }
            if (strong == 'L') types[i] = 'L';
        }
        for (var i = 0; i < types.Length; i++)
        {
            if (types[i] != 'N') continue;
            var end = i;
            while (end < types.Length && types[end] == 'N') end++;
            var before = i == 0 ? paragraph : Strong(types[i - 1]);
            var after = end == types.Length ? paragraph : Strong(types[end]);
            for (var k = i; k < end; k++) types[k] = before == after ? before : paragraph;
            i = end - 1;
        }
        var levels = types.Select(t => (paragraph, t) switch
        {
            ('L', 'R') => 1,
            ('L', 'E') => 2,
            ('L', _) => 0,
            ('R', 'R') => 1,
            _ => 2,
        }).ToArray();
        var chars = line.ToCharArray();
        for (var level = levels.Max(); level >= 1; level--)
        {
            for (var i = 0; i < chars.Length; i++)
            {
                if (levels[i] < level) continue;
                var end = i;
                while (end < chars.Length && levels[end] >= level) end++;
                Array.Reverse(chars, i, end - i);
                Array.Reverse(levels, i, end - i);
                i = end;
            }
        }
        for (var i = 0; i < chars.Length; i++)
        {
            if (levels[i] % 2 == 1 && Mirrors.TryGetValue(chars[i], out var mirrored)) chars[i] = mirrored;
        }
        return new string(chars);
    }

    private static char Strong(char type) => type == 'E' ? 'R' : type;

    /// <summary>L (left to right), R (right to left), E (digit), M (combining mark), N (neutral).</summary>
    private static char Classify(char c)
    {
        if (char.IsDigit(c)) return 'E';
        if (IsRightToLeft(c)) return 'R';
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) return 'M';
        return char.IsLetter(c) || category == UnicodeCategory.SpacingCombiningMark ? 'L' : 'N';
    }

    private static bool IsRightToLeft(char c) =>
        c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF'
        && !char.IsDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark;

    /// <summary>The nearest character in that direction that is not a combining mark (marks are transparent to joining), or -1.</summary>
    private static int Neighbour(string text, int index, int step)
    {
        for (var i = index + step; i >= 0 && i < text.Length; i += step)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(text[i]) != UnicodeCategory.NonSpacingMark) return i;
        }
        return -1;
    }

    private static bool JoinsForward(char c) => c == '\u0640' || (Forms.TryGetValue(c, out var form) && form.Joining == 'D');

    private static int? LamAlef(char c) => c switch
    {
        '\u0622' => 0xFEF5,
        '\u0623' => 0xFEF7,
        '\u0625' => 0xFEF9,
        '\u0627' => 0xFEFB,
        _ => null,
    };

    private readonly record struct Form(int Isolated, char Joining);

    /// <summary>Joining type (D: both sides, R: the previous letter only, U: none) and the isolated form; final, initial and medial follow it.</summary>
    private static readonly Dictionary<char, Form> Forms = new()
    {
        ['\u0621'] = new(0xFE80, 'U'), ['\u0622'] = new(0xFE81, 'R'), ['\u0623'] = new(0xFE83, 'R'), ['\u0624'] = new(0xFE85, 'R'),
        ['\u0625'] = new(0xFE87, 'R'), ['\u0626'] = new(0xFE89, 'D'), ['\u0627'] = new(0xFE8D, 'R'), ['\u0628'] = new(0xFE8F, 'D'),
        ['\u0629'] = new(0xFE93, 'R'), ['\u062A'] = new(0xFE95, 'D'), ['\u062B'] = new(0xFE99, 'D'), ['\u062C'] = new(0xFE9D, 'D'),
        ['\u062D'] = new(0xFEA1, 'D'), ['\u062E'] = new(0xFEA5, 'D'), ['\u062F'] = new(0xFEA9, 'R'), ['\u0630'] = new(0xFEAB, 'R'),
        ['\u0631'] = new(0xFEAD, 'R'), ['\u0632'] = new(0xFEAF, 'R'), ['\u0633'] = new(0xFEB1, 'D'), ['\u0634'] = new(0xFEB5, 'D'),
        ['\u0635'] = new(0xFEB9, 'D'), ['\u0636'] = new(0xFEBD, 'D'), ['\u0637'] = new(0xFEC1, 'D'), ['\u0638'] = new(0xFEC5, 'D'),
        ['\u0639'] = new(0xFEC9, 'D'), ['\u063A'] = new(0xFECD, 'D'), ['\u0640'] = new(0, 'D'), ['\u0641'] = new(0xFED1, 'D'),
        ['\u0642'] = new(0xFED5, 'D'), ['\u0643'] = new(0xFED9, 'D'), ['\u0644'] = new(0xFEDD, 'D'), ['\u0645'] = new(0xFEE1, 'D'),
        ['\u0646'] = new(0xFEE5, 'D'), ['\u0647'] = new(0xFEE9, 'D'), ['\u0648'] = new(0xFEED, 'R'), ['\u0649'] = new(0xFEEF, 'R'),
        ['\u064A'] = new(0xFEF1, 'D'),
    };

    private static readonly Dictionary<char, char> Mirrors = new()
    {
        ['('] = ')', [')'] = '(', ['['] = ']', [']'] = '[', ['{'] = '}', ['}'] = '{', ['<'] = '>', ['>'] = '<', ['«'] = '»', ['»'] = '«',
    };
}
