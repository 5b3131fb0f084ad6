namespace Coaching.Core.Reports;

/// <summary>
/// A figure and the number of merchants (or records) it is computed from. Counts from 1 to 4 and any figure computed from
/// fewer than <see cref="SmallCells.Threshold"/> merchants are hidden, so that no merchant can be recognised.
/// </summary>
public readonly record struct Cell(double? Value, long N)
{
    public bool Hidden => N is > 0 and < SmallCells.Threshold;

    /// <summary>The value, or null when it must not be shown (hidden, or no population at all).</summary>
    public double? Shown => Hidden || N == 0 ? null : Value;

    public static Cell Count(long count) => new(count, count);

    public static Cell Of(double? value, long n) => new(value, n);
}

public static class SmallCells
{
    /// <summary>Below this many merchants, a cell is hidden (« moins de 5 »).</summary>
    public const int Threshold = 5;

    /// <summary>A hidden count or population.</summary>
    public const string HiddenText = "moins de 5";

    /// <summary>A hidden average or share: it must not read as a value (« moins de 5 jours »).</summary>
    public const string HiddenValueText = "masqué (moins de 5 commerçants)";
}
