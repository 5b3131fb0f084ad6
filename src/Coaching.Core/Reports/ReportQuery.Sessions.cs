namespace Coaching.Core.Reports;

/// <summary>Section « Séances »: sessions by mode, month and advisor.</summary>
public sealed partial class ReportQuery
{
    /// <summary>The whole club: sessions from the daily totals (Paris days), per mode, month and advisor.</summary>
    private static string ClubSessionsSql() => """
        SELECT 'mode' AS Kind, d.Key AS Key, NULL AS Text, SUM(d.N) AS N, SUM(d.A) AS A, NULL AS B FROM ReportDailyTotals d
         WHERE d.ClubId = @club AND d.Kind = 'mode' AND d.Day >= @fromDay AND d.Day < @toDay GROUP BY d.Key
        UNION ALL SELECT 'month', mo.Month, NULL, SUM(d.N), SUM(d.A), NULL FROM months mo JOIN ReportDailyTotals d
            ON d.ClubId = @club AND d.Kind = 'mode' AND d.Day >= mo.D1 AND d.Day < mo.D2 GROUP BY mo.Month
        UNION ALL SELECT 'advisor', t.Key, NULL, SUM(t.N), SUM(t.A), NULL FROM (
            SELECT d.Key, d.N, d.A FROM ReportDailyTotals d
             WHERE d.ClubId = @club AND d.Kind = 'advisor_month' AND d.Day >= @fullFromMonth AND d.Day < @fullToMonth
            UNION ALL SELECT d.Key, d.N, d.A FROM ReportDailyTotals d
             WHERE d.ClubId = @club AND d.Kind = 'advisor' AND d.Day >= @fromDay AND d.Day < @fullFromDay
            UNION ALL SELECT d.Key, d.N, d.A FROM ReportDailyTotals d
             WHERE d.ClubId = @club AND d.Kind = 'advisor' AND d.Day >= @fullToDay AND d.Day < @toDay) t
         GROUP BY t.Key
        """;

    /// <summary>A filtered population: the sessions of the period with at least one merchant of the scope, read raw
    /// (a group workshop counts once, however many of its merchants are in the scope).</summary>
    private static string ScopedSessionsSql(ReportSqlDialect d) => $"""
        SELECT 'mode' AS Kind, CAST(s.Mode AS TEXT) AS Key, NULL AS Text, COUNT(*) AS N, SUM(s.DurationMinutes) AS A, NULL AS B
          FROM scoped s GROUP BY s.Mode
        UNION ALL SELECT 'month', mo.Month, NULL, COUNT(*), SUM(s.DurationMinutes), NULL
          FROM months mo JOIN scoped s ON s.StartsAt >= mo.Start AND s.StartsAt < mo.Finish GROUP BY mo.Month
        UNION ALL SELECT 'advisor', sa.AdvisorId, NULL, COUNT(*), SUM(s.DurationMinutes), NULL
          FROM scoped s {d.CrossJoin} SessionAdvisors sa ON sa.SessionId = s.Id GROUP BY sa.AdvisorId
        """;

    private static string SessionsSql(ReportSqlDialect d, ReportFilter f)
    {
        var scope = Scope(f);
        var scoped = f.WholeClub ? "" : $"""
            ,
            scoped AS MATERIALIZED (
              SELECT s.Id, s.StartsAt, s.Mode, s.DurationMinutes FROM CoachingSessions s
               WHERE s.Id IN (SELECT sm.SessionId FROM ReportMerchantFacts m JOIN SessionMerchants sm ON sm.MerchantId = m.MerchantId WHERE {scope})
                 AND s.ClubId = @club AND s.StartsAt >= @from AND s.StartsAt < @to)
            """;
        return $"""
            WITH {Months(d, f)}{scoped}
            {(f.WholeClub ? ClubSessionsSql() : ScopedSessionsSql(d))}
            UNION ALL SELECT 'coached', NULL, NULL, COUNT(*), NULL, NULL FROM ReportMerchantFacts m
             WHERE {scope} AND m.FirstSessionAt < @to AND m.LastSessionAt >= @from
               AND (m.FirstSessionAt >= @from OR m.LastSessionAt < @to
                    OR EXISTS (SELECT 1 FROM SessionMerchants sm JOIN CoachingSessions s ON s.Id = sm.SessionId
                                WHERE sm.MerchantId = m.MerchantId AND s.StartsAt >= @from AND s.StartsAt < @to))
            UNION ALL SELECT 'first_session', NULL, NULL, COUNT(*), AVG({d.DaysBetween("m.FirstSessionAt", "m.CreatedAt")}), NULL
              FROM ReportMerchantFacts m WHERE {scope} AND m.FirstSessionAt >= @from AND m.FirstSessionAt < @to
            """;
    }
}
