using Coaching.Core.Time;

namespace Coaching.Web.Jobs;

/// <summary>When the daily background jobs run: at a given hour in Paris, whatever the server's time zone.</summary>
public static class DailySchedule
{
    /// <summary>The next <paramref name="hour"/> o'clock in Paris strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, int hour)
    {
        var paris = now.ToParis();
        var next = paris.Date.AddHours(hour);
        if (next <= paris.DateTime) next = next.AddDays(1);
        while (ParisTime.Zone.IsInvalidTime(next)) next = next.AddHours(1);
        return new DateTimeOffset(next, ParisTime.Zone.GetUtcOffset(next));
    }

    /// <summary>Time from <paramref name="now"/> to the next <paramref name="hour"/> o'clock in Paris.</summary>
    public static TimeSpan DelayUntilNextRun(DateTimeOffset now, int hour) => NextRun(now, hour) - now;

    /// <summary>Waits until <paramref name="due"/> (at once if it has passed); false when the app is stopping.</summary>
    public static async Task<bool> WaitUntilAsync(DateTimeOffset due, TimeProvider clock, CancellationToken stoppingToken)
    {
        try
        {
            var wait = due - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, stoppingToken);
            return !stoppingToken.IsCancellationRequested;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
