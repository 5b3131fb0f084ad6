using System.Text.RegularExpressions;

namespace Coaching.Web.Features.Reports;

/// <summary>
/// Cells a spreadsheet would run as a formula (« =HYPERLINK(…) » in an advisor's name) are written with a leading
/// apostrophe, the OWASP advice; numbers (« -1,5 », « +3 », « 12 % ») go out unchanged so that they stay numbers.
/// Every CSV the app writes passes its cells through <see cref="Safe"/>.
/// </summary>
public static class CsvCell
{
    public static string Safe(string? cell)
    {
        if (string.IsNullOrEmpty(cell)) return "";
        // Spreadsheets skip leading spaces before reading « = », and a tab or carriage return starts a formula too.
        var trimmed = cell.TrimStart(' ', '\u00a0', '\u202f');
        if (trimmed.Length == 0 || !Shared.InputRules.FormulaStarts.Contains(trimmed[0]) || Number.IsMatch(cell)) return cell;
        return "'" + cell;
    }

    /// <summary>Linear in the input (no backtracking), so no time-out: a busy server must not turn an export into a 500.</summary>
    private static readonly Regex Number = new(@"^[+-]?[0-9]+(?:[.,][0-9]+)?(?:\s?%)?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
}
