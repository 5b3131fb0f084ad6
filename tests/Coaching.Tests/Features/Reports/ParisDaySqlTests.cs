using System.Globalization;
using Coaching.Core.Reports;
using Coaching.Core.Time;
using Microsoft.Data.Sqlite;
using Npgsql;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Reports;

/// <summary>The daily totals' Paris day computed in SQL agrees with the time zone database, around every change of time.</summary>
public sealed class ParisDaySqlTests
{
    /// <summary>Every 30 minutes over the last ten days of January, March, October and December and the next day, 2000 to 2040.</summary>
    private static List<DateTime> AroundTimeChanges()
    {
        var instants = new List<DateTime>();
        // Every 30 minutes over the last ten days of the month, plus the first hours of the next one.
        for (var year = 2000; year <= 2040; year++)
        {
            foreach (var month in new[] { 1, 3, 10, 12 })
            {
                var start = new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1).AddDays(-10);
                for (var t = start; t < start.AddDays(11); t = t.AddMinutes(30)) instants.Add(t.AddSeconds(t.Minute == 30 ? 0.1234567 : 0));
            }
        }
        return instants;
    }

    private static string ParisDay(DateTime instant) =>
        TimeZoneInfo.ConvertTimeFromUtc(instant, ParisTime.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_SQL_Paris_day_matches_the_time_zone_around_summer_time_changes()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var instants = AroundTimeChanges();
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
            var expected = ParisDay(instant);
            if (sql != expected) wrong.Add($"{parameter.Value}: {sql} ≠ {expected}");
        }
        Assert.True(wrong.Count == 0, string.Join("; ", wrong.Take(10)));
        Assert.True(instants.Count > 50_000);
    }

    /// <summary>On PostgreSQL: the Paris day of each instant, and whether it falls within the SQL bounds of its .NET
    /// Paris day and month and outside those of the days around it.</summary>
    [PostgresFact]
    public async Task The_postgres_Paris_day_and_day_bounds_match_the_time_zone_around_summer_time_changes()
    {
        var instants = AroundTimeChanges();
        var d = ReportSqlDialect.Postgres;
        await using var connection = new NpgsqlConnection(PostgresFactAttribute.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(d.Finish($"""
            SELECT {d.ParisDay("t.x")}, {d.OnParisDay("t.x", "t.day")}, {d.OnParisDay("t.x", "to_char(CAST(t.day AS date) - 1, 'YYYY-MM-DD')")},
                   {d.OnParisDay("t.x", "to_char(CAST(t.day AS date) + 1, 'YYYY-MM-DD')")}, {d.OnParisMonth("t.x", "substr(t.day, 1, 7)")}
              FROM unnest(@instants, @days) WITH ORDINALITY AS t(x, day, o) ORDER BY t.o
            """), connection);
        command.Parameters.AddWithValue("instants", instants.Select(i => new DateTime(i.Ticks - i.Ticks % 10, DateTimeKind.Utc)).ToArray());
        command.Parameters.AddWithValue("days", instants.Select(ParisDay).ToArray());
        var wrong = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        for (var i = 0; await reader.ReadAsync(); i++)
        {
            var expected = ParisDay(instants[i]);
            if (reader.GetString(0) != expected || !reader.GetBoolean(1) || reader.GetBoolean(2) || reader.GetBoolean(3) || !reader.GetBoolean(4))
                wrong.Add($"{instants[i]:O}: {reader.GetString(0)} ≠ {expected} or bounds {reader.GetBoolean(1)} {reader.GetBoolean(2)} {reader.GetBoolean(3)} {reader.GetBoolean(4)}");
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
