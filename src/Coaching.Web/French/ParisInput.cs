using System.Globalization;
using Coaching.Core.Time;

namespace Coaching.Web.French;

/// <summary>Reads and writes the date-times people type: Europe/Paris wall-clock time in the form, UTC in the database.</summary>
public static class ParisInput
{
    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH'h'mm", "dd/MM/yyyy"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    /// <summary>The value of a datetime-local input for a stored instant.</summary>
    public static string FormatDateTime(DateTimeOffset utc) =>
        utc.ToParis().ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses a Paris wall-clock time into UTC; the error is a French sentence.</summary>
    public static bool TryParseDateTime(string? text, out DateTimeOffset utc, out string? error)
    {
        utc = default;
        error = null;
        if (!DateTime.TryParseExact(text?.Trim(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            error = "Saisissez une date et une heure, par exemple 28/11/2026 14:30.";
            return false;
        }
        if (local.Year < 2000 || local.Year > 2100)
        {
            error = "Saisissez une date entre 2000 et 2100.";
            return false;
        }
        if (ParisTime.Zone.IsInvalidTime(local))
        {
            error = "Cette heure n'existe pas ce jour-là (passage à l'heure d'été) : choisissez une heure après 3 h.";
            return false;
        }
        utc = new DateTimeOffset(local, ParisTime.Zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 2000 and <= 2100;
}
