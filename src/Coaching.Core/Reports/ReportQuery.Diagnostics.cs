namespace Coaching.Core.Reports;

/// <summary>Section « Diagnostics »: first vs latest diagnostic and the indicators.</summary>
public sealed partial class ReportQuery
{
    /// <summary>
    /// First vs latest diagnostic of the merchants with at least two completed before the period's end, the latest in the
    /// period. For the whole club, the merchants whose last diagnostic is before the end come from the daily progress
    /// totals (per Paris day of that last diagnostic); only those with a diagnostic after the end look up their latest
    /// one before it. A filtered population looks up all its merchants.
    /// </summary>
    private static string DiagnosticsSql(ReportSqlDialect d, ReportFilter f)
    {
        var scope = Scope(f);
        var lookedUp = f.WholeClub ? "m.LastDiagnosticAt >= @to" : "m.LastDiagnosticAt >= @from";
        var inPeriod = f.WholeClub
            ? "SELECT COUNT(*) FROM ReportAssessmentFacts x WHERE x.ClubId = @club AND x.CompletedAt >= @from AND x.CompletedAt < @to"
            : $"SELECT COUNT(*) FROM ReportMerchantFacts m JOIN ReportAssessmentFacts x ON x.MerchantId = m.MerchantId WHERE {scope} AND x.CompletedAt >= @from AND x.CompletedAt < @to";
        var totals = f.WholeClub
            ? """

                UNION ALL SELECT d.Kind, d.Key, d.N, d.A, d.B FROM ReportDailyTotals d
                 WHERE d.ClubId = @club AND d.Kind IN ('progress', 'overall', 'hours', 'indicator', 'axis', 'level_first', 'level_latest')
                   AND d.Day >= @fromDay AND d.Day < @toDay
              """
            : "";
        var indicatorKeys = string.Join(" ", IndicatorQuestions.All.Select((q, i) => $"WHEN '{i}' THEN '{q.Key}'"));
        return $"""
            WITH pair AS MATERIALIZED (
              SELECT m.MerchantId, m.FirstDiagnosticId AS FirstId,
                (SELECT x.AssessmentId FROM ReportAssessmentFacts x WHERE x.MerchantId = m.MerchantId AND x.CompletedAt < @to
                  ORDER BY x.CompletedAt DESC, x.AssessmentId DESC LIMIT 1) AS LatestId
                FROM ReportMerchantFacts m
               WHERE {scope} AND {d.NoIndex}m.DiagnosticCount >= 2 AND {lookedUp} AND {d.NoIndex}m.FirstDiagnosticAt < @to),
            {ReportFactsSql.ProgressRows(d, $"pair {d.CrossJoin} ReportAssessmentFacts la ON la.AssessmentId = pair.LatestId {d.CrossJoin} ReportAssessmentFacts fa ON fa.AssessmentId = pair.FirstId WHERE la.CompletedAt >= @from AND la.Ordinal >= 2", "")},
            parts(Kind, Key, N, A, B) AS (
              SELECT Kind, Key, N, A, B FROM progress WHERE N > 0{totals}),
            merged AS (
              SELECT Kind, Key, SUM(N) AS N, CASE WHEN Kind LIKE 'level%' THEN MIN(A) ELSE SUM(A) END AS A, SUM(B) AS B FROM parts GROUP BY Kind, Key)
            SELECT 'diagnostics' AS Kind, NULL AS Key, NULL AS Text, ({inPeriod}) AS N,
                   (SELECT COUNT(*) FROM ReportMerchantFacts m WHERE {scope} AND m.FirstDiagnosticAt >= @from AND m.FirstDiagnosticAt < @to) AS A, {d.NullDouble} AS B
            UNION ALL SELECT 'progress', NULL, NULL, COALESCE((SELECT N FROM merged WHERE Kind = 'progress'), 0), NULL, NULL
            UNION ALL SELECT 'overall', NULL, NULL, COALESCE(N, 0), A / N, B / N FROM (SELECT 1){d.DerivedAlias("one")} LEFT JOIN merged ON Kind = 'overall'
            UNION ALL SELECT 'axis', ax.AxisCode, {d.AxisSortText("ax.AxisTitle", "ax.Position")}, g.N, g.A / g.N, g.B / g.N
              FROM merged g JOIN ReportAxes ax ON CAST(ax.Slot AS TEXT) = g.Key WHERE g.Kind = 'axis' AND g.N > 0
            UNION ALL SELECT Kind, NULLIF(Key, ''), NULL, N, A, NULL FROM merged WHERE Kind IN ('level_first', 'level_latest')
            UNION ALL SELECT 'indicator', CASE Key {indicatorKeys} END, NULL, N, A, B FROM merged WHERE Kind = 'indicator'
            UNION ALL SELECT 'hours_per_point', NULL, NULL, COALESCE(N, 0), A, B FROM (SELECT 1){d.DerivedAlias("one")} LEFT JOIN merged ON Kind = 'hours'
            """;
    }
}
