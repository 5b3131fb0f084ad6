using Coaching.Core.Time;

namespace Coaching.Web.French;

/// <summary>fr-FR display of instants stored in UTC.</summary>
public static class FrenchFormat
{
    public static string ToParisDate(this DateTimeOffset utc) => utc.ToParis().ToString("dd/MM/yyyy", FrenchCulture.Info);

    public static string ToParisDateTime(this DateTimeOffset utc) => utc.ToParis().ToString("dd/MM/yyyy 'à' HH:mm", FrenchCulture.Info);

    public static string ToLongParisDate(this DateTimeOffset utc) => utc.ToParis().ToString("d MMMM yyyy", FrenchCulture.Info);
}
