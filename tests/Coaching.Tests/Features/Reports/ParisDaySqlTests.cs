using System.Globalization;
using Coaching.Core.Reports;
using Coaching.Core.Time;
using Microsoft.Data.Sqlite;

namespace Coaching.Tests.Features.Reports;

/// <summary>The daily totals' Paris day computed in SQL agrees with the time zone database, around every change of time.</summary>
public sealed class ParisDaySqlTests
{
    [Fact]
    public async Task The_SQL_Paris_day_matches_the_time_zone_around_summer_time_changes()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var instants = new List<DateTime>();
        for (var year = 2000; year <= 2040; year++)
        {
            foreach (var month in new[] { 1, 3, 10, 12 })
            {
                // Every 30 minutes over the last ten days of the month, plus the first hours of the next one.
                var start = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1).AddDays(-10);
                for (var t = start; t < start.AddDays(11); t = t.AddMinutes(30)) instants.Add(t.AddSeconds(t.Minute == 30 ? 0.1234567 : 0));
            }
        }
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ReportSqlDialect.Sqlite.ParisDay("@x")}";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@x";
        command.Parameters.Add(parameter);
        var wrong = new List<string>();
        foreach (var instant in instants)
        {
            parameter.Value = instant.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            var sql = (string)(await command.ExecuteScalarAsync())!;
            var expected = TimeZoneInfo.ConvertTimeFromUtc(instant, ParisTime.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (sql != expected) wrong.Add($"{parameter.Value}: {sql} ≠ {expected}");
        }
        Assert.True(wrong.Count == 0, string.Join("; ", wrong.Take(10)));
        Assert.True(instants.Count > 50_000);
    }

    [Fact]
    public void A_period_that_does_not_start_at_a_Paris_midnight_is_refused()
    {
        Assert.Equal("2026-03-29", ReportQuery.ParisDay(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2026-03-30", ReportQuery.ParisDay(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero)));
        Assert.Throws<ArgumentException>(() => ReportQuery.ParisDay(new DateTimeOffset(2026, 3, 29, 23, 0, 0, TimeSpan.Zero)));
    }
}
