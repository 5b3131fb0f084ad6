using System.Data.Common;
using System.Globalization;
using System.Text;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Coaching.Core.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Reports;

/// <summary>
/// Computes a <see cref="ClubReport"/> in SQL: four commands (merchants, sessions, diagnostics, actions), each a
/// UNION ALL of GROUP BY aggregates returning rows of one shape (kind, key, text, n, a, b). Nothing is aggregated in
/// memory: the rows read back are a few dozen at most. SQLite dialect (the app's database).
/// </summary>
public sealed class ReportQuery(CoachingDbContext db)
{
    /// <summary>The format EF Core's SQLite provider stores date-times in (as UTC); text order is time order.</summary>
    private const string StoredDateTime = "yyyy-MM-dd HH:mm:ss.FFFFFFF";

    public sealed record Row(string Kind, string? Key, string? Text, long N, double? A, double? B);

    public async Task<ClubReport> RunAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var merchants = await ReadAsync(connection, MerchantsSql(filter), filter, cancellationToken);
            var sessions = await ReadAsync(connection, SessionsSql(filter), filter, cancellationToken);
            var diagnostics = await ReadAsync(connection, DiagnosticsSql(filter), filter, cancellationToken);
            var actions = await ReadAsync(connection, ActionsSql(filter), filter, cancellationToken);
            return Build(filter, merchants, sessions, diagnostics, actions, sqlCommands: 4);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The four SQL commands, for the benchmarks that time them without the page.</summary>
    public static IReadOnlyList<string> Commands(ReportFilter filter) =>
        [MerchantsSql(filter), SessionsSql(filter), DiagnosticsSql(filter), ActionsSql(filter)];

    public static async Task<List<Row>> ReadAsync(DbConnection connection, string sql, ReportFilter filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, filter);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? 0 : reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5)));
        }
        return rows;
    }

    private static string Stored(DateTimeOffset instant) => instant.UtcDateTime.ToString(StoredDateTime, CultureInfo.InvariantCulture);

    public static void AddParametersTo(DbCommand command, ReportFilter filter) => AddParameters(command, filter);

    private static void AddParameters(DbCommand command, ReportFilter filter)
    {
        void Add(string name, object? value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        Add("@club", filter.ClubId);
        Add("@from", Stored(filter.From));
        Add("@to", Stored(filter.To));
        Add("@today", filter.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("@caseload", filter.CaseloadOf);
        Add("@department", filter.DepartmentCode);
        Add("@commune", filter.CommuneCode);
        Add("@sector", filter.Sector is { } sector ? (int)sector : null);
        Add("@advisor", filter.AdvisorId);
        Add("@cohortFrom", filter.CohortFrom is { } cf ? Stored(cf) : null);
        Add("@cohortTo", filter.CohortTo is { } ct ? Stored(ct) : null);
        Add("@status", filter.Status is { } status ? (int)status : null);
        Add("@age", filter.AgeBand is { } age ? (int)age : null);
        for (var i = 0; i < filter.Months.Count; i++)
        {
            Add($"@m{i}", filter.Months[i].Month);
            Add($"@ms{i}", Stored(filter.Months[i].Start));
            Add($"@me{i}", Stored(filter.Months[i].End));
        }
        for (var i = 0; i < IndicatorQuestions.All.Count; i++)
        {
            var indicator = IndicatorQuestions.All[i];
            Add($"@q{i}", indicator.QuestionCode);
            for (var o = 0; o < indicator.Options.Count; o++) Add($"@q{i}o{o}", indicator.Options[o]);
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
               SUM(i.Status IN (0, 1) AND i.DueDate IS NOT NULL AND i.DueDate < @today) AS B
          FROM Merchants m JOIN ActionPlans pl ON pl.MerchantId = m.Id JOIN ActionPlanItems i ON i.PlanId = pl.Id
         WHERE {Scope(f)}
        """;

    private static ClubReport Build(ReportFilter filter, List<Row> merchants, List<Row> sessions, List<Row> diagnostics, List<Row> actions, int sqlCommands)
    {
        static long L(double? value) => (long)Math.Round(value ?? 0);
        Row? One(List<Row> rows, string kind) => rows.FirstOrDefault(r => r.Kind == kind);

        var total = One(merchants, "total");
        var merchantCount = total?.N ?? 0;
        long Status(CaseStatus status) => merchants.FirstOrDefault(r => r.Kind == "status" && r.Key == ((int)status).ToString(CultureInfo.InvariantCulture))?.N ?? 0;

        var geography = FrenchGeography.Instance;
        var byDepartment = merchants.Where(r => r.Kind == "department")
            .Select(r => new KeyCount(r.Key ?? "", geography.FindDepartment(r.Key)?.Label ?? r.Key ?? "", Cell.Count(r.N)))
            .OrderBy(k => k.Key, StringComparer.Ordinal).ToList();
        var bySector = merchants.Where(r => r.Kind == "sector")
            .Select(r => int.TryParse(r.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? (Sector: (SectorFamily)value, r.N) : (Sector: SectorFamily.Other, r.N))
            .OrderBy(r => r.Sector)
            .Select(r => new KeyCount(r.Sector.ToString(), r.Sector.Label(), Cell.Count(r.N))).ToList();

        var byMode = Enum.GetValues<SessionMode>().Select(mode =>
        {
            var row = sessions.FirstOrDefault(r => r.Kind == "mode" && r.Key == ((int)mode).ToString(CultureInfo.InvariantCulture));
            return new ModeRow(mode, Cell.Count(row?.N ?? 0), Cell.Of((row?.A ?? 0) / 60.0, row?.N ?? 0));
        }).ToList();
        var sessionCount = byMode.Sum(m => m.Sessions.N);
        var minutes = sessions.Where(r => r.Kind == "mode").Sum(r => r.A ?? 0);

        var monthRows = filter.Months.Select(month =>
        {
            var created = merchants.FirstOrDefault(r => r.Kind == "month" && r.Key == month.Month)?.N ?? 0;
            var held = sessions.FirstOrDefault(r => r.Kind == "month" && r.Key == month.Month);
            return new MonthRow(month.Month, Cell.Count(created), Cell.Count(held?.N ?? 0), Cell.Of((held?.A ?? 0) / 60.0, held?.N ?? 0));
        }).ToList();

        var advisorSessions = sessions.Where(r => r.Kind == "advisor").ToDictionary(r => r.Key ?? "", StringComparer.Ordinal);
        var advisors = merchants.Where(r => r.Kind == "advisor")
            .Select(r =>
            {
                var held = advisorSessions.GetValueOrDefault(r.Key ?? "");
                // The row is about the advisor's merchants: it is hidden when they are fewer than the threshold.
                var hidden = r.N < SmallCells.Threshold;
                return new AdvisorRow(r.Key ?? "", r.Text ?? "", Cell.Count(r.N),
                    Cell.Of(held?.N ?? 0, hidden ? r.N : Math.Max(r.N, held?.N ?? 0)),
                    Cell.Of((held?.A ?? 0) / 60.0, hidden ? r.N : Math.Max(r.N, held?.N ?? 0)));
            })
            .OrderBy(a => a.Name, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();

        var progress = One(diagnostics, "progress")?.N ?? 0;
        var overall = One(diagnostics, "overall");
        var axes = diagnostics.Where(r => r.Kind == "axis")
            .Select(r =>
            {
                var parts = (r.Text ?? "").Split('\u001f');
                return (Position: parts.Length > 1 ? parts[1] : "", Axis: new BeforeAfter(parts[0], r.Key ?? "", Cell.Of(r.A, r.N), Cell.Of(r.B, r.N), r.N));
            })
            .OrderBy(a => a.Position, StringComparer.Ordinal).Select(a => a.Axis).ToList();
        // Levels in the order of their scores (the lowest score seen at that level).
        var levelNames = diagnostics.Where(r => r.Kind is "level_first" or "level_latest")
            .GroupBy(r => r.Key ?? "Sans niveau").OrderBy(g => g.Min(r => r.A ?? double.MaxValue)).Select(g => g.Key).ToList();
        var levels = levelNames
            .Select(level => new LevelRow(level,
                Cell.Count(diagnostics.FirstOrDefault(r => r.Kind == "level_first" && (r.Key ?? "Sans niveau") == level)?.N ?? 0),
                Cell.Count(diagnostics.FirstOrDefault(r => r.Kind == "level_latest" && (r.Key ?? "Sans niveau") == level)?.N ?? 0)))
            .ToList();
        var indicatorShares = IndicatorQuestions.All.Select(indicator =>
        {
            var row = diagnostics.FirstOrDefault(r => r.Kind == "indicator" && r.Key == indicator.Key);
            var n = row?.N ?? 0;
            return new BeforeAfter(indicator.Label, indicator.Key, Cell.Of(n == 0 ? null : (row!.A ?? 0) / n, n), Cell.Of(n == 0 ? null : (row!.B ?? 0) / n, n), n);
        }).ToList();
        var hoursRow = One(diagnostics, "hours_per_point");
        double? hoursPerPoint = hoursRow is { B: > 0 } ? (hoursRow.A ?? 0) / 60.0 / hoursRow.B.Value : null;
        var diagnosticRow = One(diagnostics, "diagnostics");
        var firstDiagnostics = L(diagnosticRow?.A);
        var actionRow = One(actions, "actions");
        var firstSession = One(sessions, "first_session");

        return new ClubReport
        {
            Filter = filter,
            Merchants = Cell.Count(merchantCount),
            NewMerchants = Cell.Count(L(total?.A)),
            CoachedInPeriod = Cell.Count(One(sessions, "coached")?.N ?? 0),
            Prospects = Cell.Count(Status(CaseStatus.Prospect)),
            Active = Cell.Count(Status(CaseStatus.Coaching)),
            Finished = Cell.Count(Status(CaseStatus.Finished)),
            Dropped = Cell.Count(Status(CaseStatus.Dropped)),
            ByDepartment = byDepartment,
            BySector = bySector,
            FirstDiagnostics = Cell.Count(firstDiagnostics),
            FollowUpDiagnostics = Cell.Count((diagnosticRow?.N ?? 0) - firstDiagnostics),
            Sessions = Cell.Count(sessionCount),
            Hours = Cell.Of(minutes / 60.0, sessionCount),
            ByMode = byMode,
            ProgressMerchants = Cell.Count(progress),
            OverallScore = new BeforeAfter("Score global", "overall", Cell.Of(overall?.A, overall?.N ?? 0), Cell.Of(overall?.B, overall?.N ?? 0), overall?.N ?? 0),
            AxisScores = axes,
            Levels = levels,
            IndicatorShares = indicatorShares,
            HoursPerPointGained = Cell.Of(hoursPerPoint, hoursRow?.N ?? 0),
            Actions = Cell.Count(actionRow?.N ?? 0),
            ActionsDone = Cell.Count(L(actionRow?.A)),
            ActionsOverdue = Cell.Count(L(actionRow?.B)),
            DaysToFirstSession = Cell.Of(firstSession?.A, firstSession?.N ?? 0),
            Advisors = advisors,
            Months = monthRows,
            SqlCommands = sqlCommands,
        };
    }
}
