using System.Globalization;
using System.Text;

namespace Coaching.Core.Documents;

/// <summary>
/// Makes user text printable with the embedded font: characters it has no glyph for (emoji, private use, controls)
/// become a visible placeholder instead of breaking the document; line breaks are kept.
/// </summary>
public static class SafeText
{
    public const char Placeholder = '□';

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        var lastWasPlaceholder = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == '\n') { builder.Append('\n'); lastWasPlaceholder = false; continue; }
            if (rune.Value == '\t') { builder.Append(' '); continue; }
            if (Printable(rune))
            {
                builder.Append(rune.ToString());
                lastWasPlaceholder = false;
            }
            else if (!Rune.IsControl(rune) && !IsJoiner(rune) && !lastWasPlaceholder)
            {
                builder.Append(Placeholder);
                lastWasPlaceholder = true;
            }
        }
        return builder.ToString();
    }

    private static bool IsJoiner(Rune rune) => rune.Value is 0x200D or 0xFE0F or 0xFE0E or 0x20E3;

    private static bool Printable(Rune rune)
    {
        if (rune.IsBmp == false) return false; // emoji and other astral symbols: no glyph in DejaVu Sans
        var category = Rune.GetUnicodeCategory(rune);
        return category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate)
            && !(rune.Value >= 0x2600 && rune.Value <= 0x27BF); // dingbats and miscellaneous symbols
    }
}
