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
/// memory: the rows read back are a few dozen at most. Written for SQLite and PostgreSQL (<see cref="ReportSqlDialect"/>).
/// The commands read the pre-aggregated report facts (<see cref="ReportFactsSql"/>), plus the raw sessions and actions of a
/// filtered population.
/// </summary>
public sealed class ReportQuery(CoachingDbContext db)
{
    public sealed record Row(string Kind, string? Key, string? Text, long N, double? A, double? B);

    public async Task<ClubReport> RunAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        var dialect = ReportSqlDialect.Of(db.Database);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var commands = Commands(filter, dialect);
            var merchants = await ReadAsync(connection, commands[0], filter, cancellationToken);
            var sessions = await ReadAsync(connection, commands[1], filter, cancellationToken);
            var diagnostics = await ReadAsync(connection, commands[2], filter, cancellationToken);
            var actions = await ReadAsync(connection, commands[3], filter, cancellationToken);
            return FromRows(filter, merchants, sessions, diagnostics, actions, sqlCommands: 4);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The four SQL commands (merchants, sessions, diagnostics, actions); SQLite's unless told.</summary>
    public static IReadOnlyList<string> Commands(ReportFilter filter, ReportSqlDialect? dialect = null)
    {
        var d = dialect ?? ReportSqlDialect.Sqlite;
        return [d.Finish(MerchantsSql(d, filter)), d.Finish(SessionsSql(d, filter)), d.Finish(DiagnosticsSql(d, filter)), d.Finish(ActionsSql(d, filter))];
    }

    /// <summary>Runs one command with the filter's parameters (typed for the connection's provider).</summary>
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

    /// <summary>The plan rows of an EXPLAIN QUERY PLAN command (id, parent, detail), for the benchmarks.</summary>
    public static async Task<List<string>> ReadPlanAsync(DbConnection connection, string sql, ReportFilter filter)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, filter);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add($"{reader.GetValue(0)} {reader.GetValue(1)} {reader.GetValue(3)}");
        return rows;
    }

    public static void AddParametersTo(DbCommand command, ReportFilter filter) => AddParameters(command, filter);

    private static void AddParameters(DbCommand command, ReportFilter filter)
    {
        var dialect = ReportSqlDialect.Of(command);
        object Stored(DateTimeOffset instant) => dialect.Instant(instant);
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
        Add("@fromDay", ParisDay(filter.From));
        Add("@toDay", ParisDay(filter.To));
        var (fullFrom, fullTo) = WholeMonths(filter.From, filter.To);
        Add("@fullFromDay", DayText(fullFrom));
        Add("@fullToDay", DayText(fullTo));
        Add("@fullFromMonth", fullFrom.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        Add("@fullToMonth", fullTo.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        // Not @today: Npgsql matches parameter names ignoring case, and @toDay is the period's end.
        Add("@dueBefore", filter.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
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
            Add($"@md1{i}", ParisDay(filter.Months[i].Start));
            Add($"@md2{i}", ParisDay(filter.Months[i].End));
        }
        for (var i = 0; i < IndicatorQuestions.All.Count; i++)
        {
            var indicator = IndicatorQuestions.All[i];
            Add($"@q{i}", indicator.QuestionCode);
            for (var o = 0; o < indicator.Options.Count; o++) Add($"@q{i}o{o}", indicator.Options[o]);
        }
    }

    /// <summary>The merchants the report covers, as a condition on alias m of ReportMerchantFacts (only the filters that are set).</summary>
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

    /// <summary>
    /// The Paris day starting at <paramref name="midnight"/>. The daily totals are per Paris day, so the period and its
    /// months must start and end at Paris midnights (the filter form only makes such bounds).
    /// </summary>
    public static string ParisDay(DateTimeOffset midnight)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(midnight.UtcDateTime, Time.ParisTime.Zone);
        if (local.TimeOfDay != TimeSpan.Zero) throw new ArgumentException($"{midnight:O} is not a Paris midnight: the report counts whole Paris days.", nameof(midnight));
        return DayText(local.Date);
    }

    /// <summary>
    /// The whole Paris months of the period, [first, end) as first days of months; the days before and after are read
    /// per day. Without a whole month both are the period's end day, so that every day is read per day.
    /// </summary>
    public static (DateTime First, DateTime End) WholeMonths(DateTimeOffset from, DateTimeOffset to)
    {
        var start = DateTime.ParseExact(ParisDay(from), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = DateTime.ParseExact(ParisDay(to), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var first = start.Day == 1 ? start : new DateTime(start.Year, start.Month, 1).AddMonths(1);
        var last = new DateTime(end.Year, end.Month, 1);
        return first < last ? (first, last) : (end, end);
    }

    private static string DayText(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Months(ReportSqlDialect d, ReportFilter f) => f.Months.Count == 0
        ? $"months(Month, Start, Finish, D1, D2) AS ({d.NoMonths})"
        : "months(Month, Start, Finish, D1, D2) AS (VALUES " +
          string.Join(", ", f.Months.Select((_, i) => $"(@m{i}, @ms{i}, @me{i}, @md1{i}, @md2{i})")) + ")";

    private static string MerchantsSql(ReportSqlDialect d, ReportFilter f)
    {
        var scope = Scope(f);
        // One scan of the covering index (ClubId, Status, Sector, DepartmentCode, CreatedAt) feeds four breakdowns.
        return $"""
            WITH {Months(d, f)},
            dims AS MATERIALIZED (
              SELECT m.Status, m.Sector, m.DepartmentCode, COUNT(*) AS N, SUM({d.Flag("m.CreatedAt >= @from AND m.CreatedAt < @to")}) AS NewN
                FROM ReportMerchantFacts m WHERE {scope} GROUP BY m.Status, m.Sector, m.DepartmentCode)
            SELECT 'total' AS Kind, NULL AS Key, NULL AS Text, COALESCE(SUM(N), 0) AS N, SUM(NewN) AS A, NULL AS B FROM dims
            UNION ALL SELECT 'status', CAST(Status AS TEXT), NULL, SUM(N), NULL, NULL FROM dims GROUP BY Status
            UNION ALL SELECT 'department', DepartmentCode, NULL, SUM(N), NULL, NULL FROM dims GROUP BY DepartmentCode
            UNION ALL SELECT 'sector', CAST(Sector AS TEXT), NULL, SUM(N), NULL, NULL FROM dims GROUP BY Sector
            UNION ALL SELECT 'advisor', a.AdvisorId, u.DisplayName, a.N, NULL, NULL
              FROM (SELECT m.AssignedAdvisorId AS AdvisorId, COUNT(*) AS N FROM ReportMerchantFacts m WHERE {scope} GROUP BY m.AssignedAdvisorId) a
              JOIN AspNetUsers u ON u.Id = a.AdvisorId
            UNION ALL SELECT 'month', mo.Month, NULL, COUNT(*), NULL, NULL
              FROM months mo JOIN ReportMerchantFacts m ON m.CreatedAt >= mo.Start AND m.CreatedAt < mo.Finish WHERE {scope} GROUP BY mo.Month
            """;
    }

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

    private static string ActionsSql(ReportSqlDialect d, ReportFilter f) => f.WholeClub
        ? """
          SELECT 'actions' AS Kind, NULL AS Key, NULL AS Text,
                 (SELECT COALESCE(SUM(m.ActionCount), 0) FROM ReportMerchantFacts m WHERE m.ClubId = @club) AS N,
                 (SELECT COALESCE(SUM(d.N), 0) FROM ReportDailyTotals d WHERE d.ClubId = @club AND d.Kind = 'done' AND d.Day >= @fromDay AND d.Day < @toDay) AS A,
                 (SELECT COALESCE(SUM(d.N), 0) FROM ReportDailyTotals d WHERE d.ClubId = @club AND d.Kind = 'due' AND d.Day < @dueBefore) AS B
          """
        : $"""
          SELECT 'actions' AS Kind, NULL AS Key, NULL AS Text, COUNT(*) AS N,
                 SUM({d.Flag("i.Status = 2 AND i.CompletedAt >= @from AND i.CompletedAt < @to")}) AS A,
                 SUM({d.Flag($"i.Status IN (0, 1) AND i.DueDate IS NOT NULL AND i.DueDate < {d.AsDate("@dueBefore")}")}) AS B
            FROM ReportMerchantFacts m JOIN ActionPlans pl ON pl.MerchantId = m.MerchantId JOIN ActionPlanItems i ON i.PlanId = pl.Id
           WHERE {Scope(f)}
          """;

    /// <summary>The report from the rows of the four commands (also used by the tests' raw-table oracle).</summary>
    public static ClubReport FromRows(ReportFilter filter, List<Row> merchants, List<Row> sessions, List<Row> diagnostics, List<Row> actions, int sqlCommands)
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
