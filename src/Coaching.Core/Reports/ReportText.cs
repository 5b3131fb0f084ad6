using System.Globalization;

namespace Coaching.Core.Reports;

/// <summary>French display of report cells: hidden counts read « moins de 5 », hidden averages « masqué (…) », cells without population « — ».</summary>
public static class ReportText
{
    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    public const string NoData = "—";

    public static string Count(Cell cell) => cell.Hidden ? SmallCells.HiddenText : cell.Shown is { } v ? v.ToString("N0", French) : "0";

    public static string Decimal(Cell cell, string unit = "") =>
        cell.Hidden ? SmallCells.HiddenValueText : cell.Shown is { } v ? v.ToString("N1", French) + unit : NoData;

    public static string Share(Cell cell) =>
        cell.Hidden ? SmallCells.HiddenValueText : cell.Shown is { } v ? (v * 100).ToString("N0", French) + "\u00a0%" : NoData;

    public static string Population(long n) => n is > 0 and < SmallCells.Threshold ? SmallCells.HiddenText : n.ToString("N0", French);

    public static string Gain(double? gain, bool share = false) => gain is not { } g
        ? NoData
        : share ? (g >= 0 ? "+" : "−") + Math.Abs(g * 100).ToString("N0", French) + "\u00a0pts"
        : (g >= 0 ? "+" : "−") + Math.Abs(g).ToString("N1", French);

    /// <summary>« mars 2026 » for the key 2026-03.</summary>
    public static string Month(string key) =>
        DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("MMMM yyyy", French) : key;

    public static string ShortMonth(string key) =>
        DateOnly.TryParseExact(key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("MMM yy", French) : key;
}
