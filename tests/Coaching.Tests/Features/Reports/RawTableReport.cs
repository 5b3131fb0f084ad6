using System.Globalization;
using System.Text;
using Coaching.Core.Data;
using Coaching.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Hosting;

namespace Coaching.Tests.Features.Reports;

/// <summary>
/// The test oracle of the report facts: the report's first SQL, which aggregates the raw tables (merchants, sessions,
/// assessments, answers, axis scores, plans) directly. Too slow at 100,000 merchants, but it needs no pre-aggregated data,
/// so the facts are right when <see cref="ReportQuery"/> gives the same report.
/// </summary>
public static class RawTableReport
{
    public static async Task<ClubReport> RunAsync(CoachingDbContext db, ReportFilter filter)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var rows = new List<List<ReportQuery.Row>>();
            foreach (var sql in new[] { MerchantsSql(filter), SessionsSql(filter), DiagnosticsSql(filter), ActionsSql(filter) })
                rows.Add(await ReportQuery.ReadAsync(connection, sql, filter, CancellationToken.None));
            return ReportQuery.FromRows(filter, rows[0], rows[1], rows[2], rows[3], sqlCommands: 4);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The merchants the report covers, as a condition on alias m (only the filters that are set).</summary>
    private static string Scope(ReportFilter f)
    {
        var sql = new StringBuilder("m.ClubId = @club");
        if (f.CaseloadOf is not null) sql.Append(" AND m.AssignedAdvisorId = @caseload");
        if (f.DepartmentCode is not null) sql.Append(" AND m.DepartmentCode = @department");
        if (f.CommuneCode is not null) sql.Append(" AND m.CommuneCode = @commune");
        if (f.Sector is not null) sql.Append(" AND m.Sector = @sector");
        if (f.AdvisorId is not null) sql.Append(" AND m.AssignedAdvisorId = @advisor");
        if (f.CohortFrom is not null) sql.Append(" AND m.CreatedAt >= @cohortFrom");
        if (f.CohortTo is not null) sql.Append(" AND m.CreatedAt < @cohortTo");
        if (f.Status is not null) sql.Append(" AND m.Status = @status");
        if (f.AgeBand is not null) sql.Append(" AND m.ManagerAgeBand = @age");
        return sql.ToString();
    }

    private static string Months(ReportFilter f) => f.Months.Count == 0
        ? "months(Month, Start, Finish) AS (SELECT NULL, NULL, NULL WHERE 0)"
        : "months(Month, Start, Finish) AS (VALUES " +
          string.Join(", ", f.Months.Select((_, i) => $"(@m{i}, @ms{i}, @me{i})")) + ")";

    /// <summary>Sessions of the period with at least one merchant of the scope (the whole club needs no join).</summary>
    private static string SessionScope(ReportFilter f) => f.WholeClub
        ? ""
        : $" AND s.Id IN (SELECT sm.SessionId FROM SessionMerchants sm JOIN Merchants m ON m.Id = sm.MerchantId WHERE {Scope(f)})";

    private static string MerchantsSql(ReportFilter f)
    {
        var scope = Scope(f);
        return $"""
            WITH {Months(f)}
            SELECT 'total' AS Kind, NULL AS Key, NULL AS Text, COUNT(*) AS N, SUM(m.CreatedAt >= @from AND m.CreatedAt < @to) AS A, NULL AS B
              FROM Merchants m WHERE {scope}
            UNION ALL SELECT 'status', CAST(m.Status AS TEXT), NULL, COUNT(*), NULL, NULL FROM Merchants m WHERE {scope} GROUP BY m.Status
            UNION ALL SELECT 'department', m.DepartmentCode, NULL, COUNT(*), NULL, NULL FROM Merchants m WHERE {scope} GROUP BY m.DepartmentCode
            UNION ALL SELECT 'sector', CAST(m.Sector AS TEXT), NULL, COUNT(*), NULL, NULL FROM Merchants m WHERE {scope} GROUP BY m.Sector
            UNION ALL SELECT 'advisor', m.AssignedAdvisorId, u.DisplayName, COUNT(*), NULL, NULL
              FROM Merchants m JOIN AspNetUsers u ON u.Id = m.AssignedAdvisorId WHERE {scope} GROUP BY m.AssignedAdvisorId
            UNION ALL SELECT 'month', mo.Month, NULL, COUNT(*), NULL, NULL
              FROM months mo JOIN Merchants m ON m.CreatedAt >= mo.Start AND m.CreatedAt < mo.Finish WHERE {scope} GROUP BY mo.Month
            """;
    }

    private static string SessionsSql(ReportFilter f)
    {
        var scope = Scope(f);
        var sessions = $"s.ClubId = @club AND s.StartsAt >= @from AND s.StartsAt < @to{SessionScope(f)}";
        return $"""
            WITH {Months(f)},
            firsts AS MATERIALIZED (
              SELECT sm.MerchantId, MIN(s.StartsAt) AS FirstAt
                FROM Merchants m JOIN SessionMerchants sm ON sm.MerchantId = m.Id JOIN CoachingSessions s ON s.Id = sm.SessionId
               WHERE {scope} GROUP BY sm.MerchantId)
            SELECT 'mode' AS Kind, CAST(s.Mode AS TEXT) AS Key, NULL AS Text, COUNT(*) AS N, SUM(s.DurationMinutes) AS A, NULL AS B
              FROM CoachingSessions s WHERE {sessions} GROUP BY s.Mode
            UNION ALL SELECT 'month', mo.Month, NULL, COUNT(*), SUM(s.DurationMinutes), NULL
              FROM months mo JOIN CoachingSessions s ON s.ClubId = @club AND s.StartsAt >= mo.Start AND s.StartsAt < mo.Finish
             WHERE {sessions} GROUP BY mo.Month
            UNION ALL SELECT 'advisor', sa.AdvisorId, NULL, COUNT(*), SUM(s.DurationMinutes), NULL
              FROM CoachingSessions s JOIN SessionAdvisors sa ON sa.SessionId = s.Id WHERE {sessions} GROUP BY sa.AdvisorId
            UNION ALL SELECT 'coached', NULL, NULL, COUNT(DISTINCT sm.MerchantId), NULL, NULL
              FROM CoachingSessions s JOIN SessionMerchants sm ON sm.SessionId = s.Id JOIN Merchants m ON m.Id = sm.MerchantId
             WHERE {sessions} AND {scope}
            UNION ALL SELECT 'first_session', NULL, NULL, COUNT(*), AVG(julianday(fi.FirstAt) - julianday(m.CreatedAt)), NULL
              FROM firsts fi JOIN Merchants m ON m.Id = fi.MerchantId WHERE fi.FirstAt >= @from AND fi.FirstAt < @to
            """;
    }

    private static string DiagnosticsSql(ReportFilter f)
    {
        var scope = Scope(f);
        var indicators = new StringBuilder();
        for (var i = 0; i < IndicatorQuestions.All.Count; i++)
        {
            var options = string.Join(", ", IndicatorQuestions.All[i].Options.Select((_, o) => $"@q{i}o{o}"));
            string Has(string assessment) =>
                $"EXISTS (SELECT 1 FROM AssessmentAnswers q WHERE q.AssessmentId = p.{assessment} AND q.QuestionCode = @q{i} AND q.OptionCodes IN ({options}))";
            indicators.Append(CultureInfo.InvariantCulture,
                $"\nUNION ALL SELECT 'indicator', '{IndicatorQuestions.All[i].Key}', NULL, COUNT(*), SUM({Has("FirstId")}), SUM({Has("LatestId")}) FROM p");
        }
        return $"""
            WITH done AS MATERIALIZED (
              SELECT a.MerchantId, COUNT(*) AS Total, SUM(a.CompletedAt >= @from) AS InPeriod, MIN(a.CompletedAt) AS FirstAt, MAX(a.CompletedAt) AS LatestAt
                FROM Merchants m JOIN Assessments a ON a.MerchantId = m.Id
               WHERE {scope} AND a.Status = 1 AND a.CompletedAt IS NOT NULL AND a.CompletedAt < @to
               GROUP BY a.MerchantId),
            pair AS MATERIALIZED (
              SELECT d.MerchantId,
                (SELECT x.Id FROM Assessments x WHERE x.MerchantId = d.MerchantId AND x.Status = 1 AND x.CompletedAt = d.FirstAt ORDER BY x.Id LIMIT 1) AS FirstId,
                (SELECT x.Id FROM Assessments x WHERE x.MerchantId = d.MerchantId AND x.Status = 1 AND x.CompletedAt = d.LatestAt ORDER BY x.Id DESC LIMIT 1) AS LatestId
                FROM done d WHERE d.Total >= 2 AND d.LatestAt >= @from),
            p AS MATERIALIZED (
              SELECT pair.MerchantId, pair.FirstId, pair.LatestId, fa.OverallScore AS FirstScore, fa.LevelName AS FirstLevel,
                     la.OverallScore AS LatestScore, la.LevelName AS LatestLevel, la.CompletedAt AS LatestAt
                FROM pair JOIN Assessments fa ON fa.Id = pair.FirstId JOIN Assessments la ON la.Id = pair.LatestId)
            SELECT 'diagnostics' AS Kind, NULL AS Key, NULL AS Text, COALESCE(SUM(d.InPeriod), 0) AS N, SUM(d.FirstAt >= @from) AS A, NULL AS B FROM done d
            UNION ALL SELECT 'progress', NULL, NULL, COUNT(*), NULL, NULL FROM p
            UNION ALL SELECT 'overall', NULL, NULL, COUNT(*), AVG(p.FirstScore), AVG(p.LatestScore) FROM p WHERE p.FirstScore IS NOT NULL AND p.LatestScore IS NOT NULL
            UNION ALL SELECT 'axis', x.AxisCode, MAX(y.AxisTitle) || char(31) || printf('%03d', MIN(y.Position)), COUNT(*), AVG(x.Score), AVG(y.Score)
              FROM p JOIN AssessmentAxisScores x ON x.AssessmentId = p.FirstId JOIN AssessmentAxisScores y ON y.AssessmentId = p.LatestId AND y.AxisCode = x.AxisCode
             WHERE x.Score IS NOT NULL AND y.Score IS NOT NULL GROUP BY x.AxisCode
            UNION ALL SELECT 'level_first', p.FirstLevel, NULL, COUNT(*), MIN(p.FirstScore), NULL FROM p GROUP BY p.FirstLevel
            UNION ALL SELECT 'level_latest', p.LatestLevel, NULL, COUNT(*), MIN(p.LatestScore), NULL FROM p GROUP BY p.LatestLevel{indicators}
            UNION ALL SELECT 'hours_per_point', NULL, NULL,
                (SELECT COUNT(*) FROM p WHERE p.FirstScore IS NOT NULL AND p.LatestScore IS NOT NULL),
                (SELECT SUM(s.DurationMinutes) FROM p JOIN SessionMerchants sm ON sm.MerchantId = p.MerchantId JOIN CoachingSessions s ON s.Id = sm.SessionId
                  WHERE p.FirstScore IS NOT NULL AND p.LatestScore IS NOT NULL AND s.StartsAt < p.LatestAt),
                (SELECT SUM(p.LatestScore - p.FirstScore) FROM p WHERE p.FirstScore IS NOT NULL AND p.LatestScore IS NOT NULL)
            """;
    }

    private static string ActionsSql(ReportFilter f) => $"""
        SELECT 'actions' AS Kind, NULL AS Key, NULL AS Text, COUNT(*) AS N,
               SUM(i.Status = 2 AND i.CompletedAt >= @from AND i.CompletedAt < @to) AS A,
               SUM(i.Status IN (0, 1) AND i.DueDate IS NOT NULL AND i.DueDate < @dueBefore) AS B
          FROM Merchants m JOIN ActionPlans pl ON pl.MerchantId = m.Id JOIN ActionPlanItems i ON i.PlanId = pl.Id
         WHERE {Scope(f)}
        """;
}
