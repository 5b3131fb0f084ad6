namespace Coaching.Core.Time;

/// <summary>Dates are stored in UTC and shown in Europe/Paris.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset ToParis(this DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone);

    public static DateOnly TodayInParis(this TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToParis().DateTime);
}
