using System.Net.Mail;
using System.Text.RegularExpressions;
using FluentValidation;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Shared;

/// <summary>
/// The input rules every form shares: dates inside the calendar the app works with, single-line text without
/// control or bidirectional-override characters, names that a spreadsheet cannot read as a formula, strict e-mail addresses.
/// </summary>
public static class InputRules
{
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);
    public const string DateRangeMessage = "Saisissez une date entre le 01/01/2000 et le 31/12/2100.";

    public static bool InRange(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    /// <summary>
    /// Characters a single-line field never needs: controls (Cc, tabs and line breaks included), line and paragraph
    /// separators, the byte-order mark, and the bidirectional controls that make « exe.txt » out of « txt.exe ».
    /// Zero-width joiners stay (emoji sequences, Persian text).
    /// </summary>
    public static bool IsForbiddenInSingleLine(char c) =>
        char.IsControl(c)
        || c is '\u200E' or '\u200F' or '\u061C' or '\u2028' or '\u2029' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    public static bool IsSingleLine(string? text)
    {
        if (text is null) return true;
        for (var i = 0; i < text.Length; i++)
        {
            if (IsForbiddenInSingleLine(text[i])) return false;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    /// <summary>The first characters that make a spreadsheet read a cell as a formula.</summary>
    public static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static bool StartsLikeFormula(string? text) =>
        text?.TrimStart(' ', '\u00a0') is { Length: > 0 } t && FormulaStarts.Contains(t[0]);

    /// <summary>
    /// An address a mail server and a person would both accept: one « @ », an ASCII local part without quotes, angle
    /// brackets or spaces, a domain with a dot, and what <see cref="MailAddress"/> reads back unchanged.
    /// </summary>
    public static bool IsEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var address = text.Trim();
        if (address.Length > 254 || !EmailShape.IsMatch(address)) return false;
        var local = address[..address.IndexOf('@')];
        if (local.Length > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)) return false;
        return MailAddress.TryCreate(address, out var parsed) && parsed.Address == address && parsed.DisplayName.Length == 0;
    }

    /// <summary>
    /// Linear in the input (no backtracking) rather than guarded by a time-out: the nested domain labels cannot blow up,
    /// and a time-out fired by a busy machine would turn a valid address into a 500.
    /// </summary>
    private static readonly Regex EmailShape = new(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63}$",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public const string EmailMessage = "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.";

    /// <summary>Single-line text: refuses control and bidirectional-override characters, with the field named in French.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(IsSingleLine).WithMessage($"{field} contient des caractères invisibles ou de contrôle (retour à la ligne, tabulation, inversion du sens d’écriture…) : retirez-les.");

    /// <summary>Names and titles that make no sense starting with « = », « + », « - » or « @ » (a spreadsheet would run them).</summary>
    public static IRuleBuilderOptions<T, string?> NoFormulaStart<T>(this IRuleBuilder<T, string?> rule, string field) =>
        rule.Must(v => !StartsLikeFormula(v)).WithMessage($"{field} ne peut pas commencer par « = », « + », « - » ou « @ ».");

    public static IRuleBuilderOptions<T, string?> StrictEmail<T>(this IRuleBuilder<T, string?> rule, string? message = null) =>
        rule.Must(IsEmail).WithMessage(message ?? EmailMessage);
}
