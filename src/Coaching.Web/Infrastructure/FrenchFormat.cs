using Coaching.Core.Time;

namespace Coaching.Web.Infrastructure;

/// <summary>fr-FR display of instants stored in UTC.</summary>
public static class FrenchFormat
{
    public static string ToParisDate(this DateTimeOffset utc) => utc.ToParis().ToString("dd/MM/yyyy", WebServices.French);

    public static string ToParisDateTime(this DateTimeOffset utc) => utc.ToParis().ToString("dd/MM/yyyy 'à' HH:mm", WebServices.French);

    public static string ToLongParisDate(this DateTimeOffset utc) => utc.ToParis().ToString("d MMMM yyyy", WebServices.French);
}
