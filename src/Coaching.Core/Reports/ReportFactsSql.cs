using System.Globalization;
using System.Text;

namespace Coaching.Core.Reports;

/// <summary>
/// The club reports' pre-aggregated data, derived from the raw tables by SQL only (no EF entities: nothing but these
/// statements and <see cref="ReportQuery"/> reads or writes them). Every refresh recomputes from the raw rows, so the
/// facts can never drift as long as each write calls the refresh of what it touched (see <see cref="ReportFactsSync"/>):
/// <list type="bullet">
/// <item>ReportMerchantFacts: one row per merchant, its filter dimensions plus first/last session, diagnostic count,
/// first/last completed diagnostic and action count.</item>
/// <item>ReportAssessmentFacts: one narrow row per completed diagnostic (ordinal per merchant, score, level, the four
/// indicator flags, the merchant's session minutes before it, the axis scores pivoted into slots).</item>
/// <item>ReportAxes: the slot of each axis code (slots keep the per-axis averages a single pass).</item>
/// <item>ReportDailyTotals: per club and UTC day, sessions and minutes per mode and per advisor, actions done, open
/// actions per due date.</item>
/// </list>
/// </summary>
public static class ReportFactsSql
{
    public const int AxisSlots = 16;

    /// <summary>The fact tables, for the row counts of `copy-database`.</summary>
    public static readonly IReadOnlyList<string> Tables = ["ReportMerchantFacts", "ReportAssessmentFacts", "ReportAxes", "ReportDailyTotals"];

    public static string Axis(int slot) => "Axis" + slot.ToString(CultureInfo.InvariantCulture);

    public static string CreateTables(ReportSqlDialect d)
    {
        var axes = string.Concat(Enumerable.Range(0, AxisSlots).Select(i => $",\n    {Axis(i)} {d.RealType} NULL"));
        return d.Finish($"""
            CREATE TABLE ReportMerchantFacts (
                MerchantId INTEGER NOT NULL PRIMARY KEY REFERENCES Merchants (Id) ON DELETE CASCADE,
                ClubId INTEGER NOT NULL,
                AssignedAdvisorId TEXT NULL,
                DepartmentCode TEXT NOT NULL,
                CommuneCode TEXT NOT NULL,
                Sector INTEGER NOT NULL,
                Status INTEGER NOT NULL,
                ManagerAgeBand INTEGER NOT NULL,
                CreatedAt {d.InstantType} NOT NULL,
                FirstSessionAt {d.InstantType} NULL,
                LastSessionAt {d.InstantType} NULL,
                DiagnosticCount INTEGER NOT NULL,
                FirstDiagnosticId INTEGER NULL,
                FirstDiagnosticAt {d.InstantType} NULL,
                LastDiagnosticId INTEGER NULL,
                LastDiagnosticAt {d.InstantType} NULL,
                ActionCount INTEGER NOT NULL);
            CREATE INDEX IX_ReportMerchantFacts_ClubId_Status_Sector_DepartmentCode_CreatedAt ON ReportMerchantFacts (ClubId, Status, Sector, DepartmentCode, CreatedAt);
            CREATE INDEX IX_ReportMerchantFacts_ClubId_DepartmentCode_Sector ON ReportMerchantFacts (ClubId, DepartmentCode, Sector);
            CREATE INDEX IX_ReportMerchantFacts_ClubId_Sector ON ReportMerchantFacts (ClubId, Sector);
            CREATE INDEX IX_ReportMerchantFacts_ClubId_AssignedAdvisorId ON ReportMerchantFacts (ClubId, AssignedAdvisorId);
            CREATE INDEX IX_ReportMerchantFacts_ClubId_CreatedAt ON ReportMerchantFacts (ClubId, CreatedAt);
            CREATE TABLE ReportAssessmentFacts (
                AssessmentId INTEGER NOT NULL PRIMARY KEY REFERENCES Assessments (Id) ON DELETE CASCADE,
                MerchantId INTEGER NOT NULL,
                ClubId INTEGER NOT NULL,
                CompletedAt {d.InstantType} NOT NULL,
                Ordinal INTEGER NOT NULL,
                OverallScore {d.RealType} NULL,
                LevelName TEXT NULL,
                Indicator0 INTEGER NOT NULL,
                Indicator1 INTEGER NOT NULL,
                Indicator2 INTEGER NOT NULL,
                Indicator3 INTEGER NOT NULL,
                SessionMinutesBefore INTEGER NOT NULL{axes});
            CREATE INDEX IX_ReportAssessmentFacts_MerchantId_CompletedAt ON ReportAssessmentFacts (MerchantId, CompletedAt);
            CREATE INDEX IX_ReportAssessmentFacts_ClubId_CompletedAt ON ReportAssessmentFacts (ClubId, CompletedAt);
            CREATE TABLE ReportAxes (
                Slot INTEGER NOT NULL PRIMARY KEY CHECK (Slot >= 0 AND Slot < {AxisSlots}),
                AxisCode TEXT NOT NULL UNIQUE,
                AxisTitle TEXT NOT NULL,
                Position INTEGER NOT NULL);
            CREATE TABLE ReportDailyTotals (
                ClubId INTEGER NOT NULL,
                Kind {d.KeyType} NOT NULL,
                Day {d.KeyType} NOT NULL,
                Key {d.KeyType} NOT NULL,
                N INTEGER NOT NULL,
                A {d.RealType} NULL,
                B {d.RealType} NULL,
                PRIMARY KEY (ClubId, Kind, Day, Key)){d.WithoutRowId};
            CREATE INDEX IX_ReportMerchantFacts_ClubId_LastDiagnosticAt ON ReportMerchantFacts (ClubId, LastDiagnosticAt);
            CREATE INDEX IX_ReportMerchantFacts_ClubId_FirstDiagnosticAt ON ReportMerchantFacts (ClubId, FirstDiagnosticAt);
            CREATE INDEX IX_ReportMerchantFacts_ClubId_FirstSessionAt_CreatedAt ON ReportMerchantFacts (ClubId, FirstSessionAt, CreatedAt);
            CREATE INDEX IX_ReportMerchantFacts_ClubId_LastSessionAt_FirstSessionAt ON ReportMerchantFacts (ClubId, LastSessionAt, FirstSessionAt);
            """);
    }

    /// <summary>
    /// Recomputes the facts of the merchants in <paramref name="merchants"/> (a SQL set, e.g. <see
    /// cref="ReportSqlDialect.IdSet"/>; null = every merchant). Deleted merchants simply lose their rows.
    /// </summary>
    public static string RefreshMerchants(ReportSqlDialect d, string? merchants)
    {
        string In(string column) => merchants is null ? d.True : $"{column} IN ({merchants})";
        var indicators = new StringBuilder();
        for (var i = 0; i < IndicatorQuestions.All.Count; i++)
        {
            var indicator = IndicatorQuestions.All[i];
            var options = string.Join(", ", indicator.Options.Select(o => "'" + o.Replace("'", "''", StringComparison.Ordinal) + "'"));
            indicators.Append(CultureInfo.InvariantCulture,
                $",\n  {d.Flag($"EXISTS (SELECT 1 FROM AssessmentAnswers q WHERE q.AssessmentId = a.Id AND q.QuestionCode = '{indicator.QuestionCode}' AND q.OptionCodes IN ({options}))")}");
        }
        var slots = Enumerable.Range(0, AxisSlots).ToList();
        var axisColumns = string.Concat(slots.Select(i => ", " + Axis(i)));
        var pivot = string.Join(", ", slots.Select(i => $"MAX(CASE WHEN r.Slot = {i} THEN s.Score END) AS {Axis(i)}"));
        var completed = $"SELECT a.Id FROM Assessments a WHERE {In("a.MerchantId")} AND a.Status = 1 AND a.CompletedAt IS NOT NULL";
        return d.Finish($"""
            INSERT INTO ReportAxes (Slot, AxisCode, AxisTitle, Position)
            SELECT (SELECT COALESCE(MAX(Slot), -1) FROM ReportAxes) + ROW_NUMBER() OVER (ORDER BY n.AxisCode), n.AxisCode, n.AxisTitle, n.Position
              FROM (SELECT s.AxisCode, MAX(s.AxisTitle) AS AxisTitle, MIN(s.Position) AS Position FROM AssessmentAxisScores s
                     WHERE s.AssessmentId IN ({completed}) AND s.AxisCode NOT IN (SELECT AxisCode FROM ReportAxes)
                     GROUP BY s.AxisCode) n;
            DELETE FROM ReportAssessmentFacts WHERE {In("MerchantId")};
            INSERT INTO ReportAssessmentFacts (AssessmentId, MerchantId, ClubId, CompletedAt, Ordinal, OverallScore, LevelName,
                Indicator0, Indicator1, Indicator2, Indicator3, SessionMinutesBefore{axisColumns})
            SELECT a.Id, a.MerchantId, m.ClubId, a.CompletedAt, ROW_NUMBER() OVER (PARTITION BY a.MerchantId ORDER BY a.CompletedAt, a.Id),
                a.OverallScore, a.LevelName{indicators},
                (SELECT COALESCE(SUM(s.DurationMinutes), 0) FROM SessionMerchants sm JOIN CoachingSessions s ON s.Id = sm.SessionId
                  WHERE sm.MerchantId = a.MerchantId AND s.StartsAt < a.CompletedAt){axisColumns.Replace(", Axis", ", x.Axis", StringComparison.Ordinal)}
              FROM Assessments a JOIN Merchants m ON m.Id = a.MerchantId
              LEFT JOIN (SELECT s.AssessmentId, {pivot} FROM AssessmentAxisScores s JOIN ReportAxes r ON r.AxisCode = s.AxisCode
                          WHERE s.AssessmentId IN ({completed}) GROUP BY s.AssessmentId) x ON x.AssessmentId = a.Id
             WHERE {In("a.MerchantId")} AND a.Status = 1 AND a.CompletedAt IS NOT NULL;
            DELETE FROM ReportMerchantFacts WHERE {In("MerchantId")};
            INSERT INTO ReportMerchantFacts (MerchantId, ClubId, AssignedAdvisorId, DepartmentCode, CommuneCode, Sector, Status, ManagerAgeBand,
                CreatedAt, FirstSessionAt, LastSessionAt, DiagnosticCount, FirstDiagnosticId, FirstDiagnosticAt, LastDiagnosticId, LastDiagnosticAt, ActionCount)
            SELECT m.Id, m.ClubId, m.AssignedAdvisorId, m.DepartmentCode, m.CommuneCode, m.Sector, m.Status, m.ManagerAgeBand, m.CreatedAt,
                ss.FirstAt, ss.LastAt, COALESCE(d.N, 0), fd.AssessmentId, fd.CompletedAt, ld.AssessmentId, ld.CompletedAt,
                (SELECT COUNT(*) FROM ActionPlans pl JOIN ActionPlanItems i ON i.PlanId = pl.Id WHERE pl.MerchantId = m.Id)
              FROM Merchants m
              LEFT JOIN (SELECT sm.MerchantId, MIN(s.StartsAt) AS FirstAt, MAX(s.StartsAt) AS LastAt
                           FROM SessionMerchants sm JOIN CoachingSessions s ON s.Id = sm.SessionId WHERE {In("sm.MerchantId")} GROUP BY sm.MerchantId) ss
                ON ss.MerchantId = m.Id
              LEFT JOIN (SELECT f.MerchantId, COUNT(*) AS N FROM ReportAssessmentFacts f WHERE {In("f.MerchantId")} GROUP BY f.MerchantId) d ON d.MerchantId = m.Id
              LEFT JOIN ReportAssessmentFacts fd ON fd.MerchantId = m.Id AND fd.Ordinal = 1
              LEFT JOIN ReportAssessmentFacts ld ON ld.MerchantId = m.Id AND ld.Ordinal = d.N
             WHERE {In("m.Id")};
            """);
    }

    /// <summary>Recomputes the session totals of one club's Paris days (@club, @days a JSON array of yyyy-MM-dd); all = everything.</summary>
    public static string RefreshSessionDays(ReportSqlDialect d, bool all)
    {
        var bucket = all ? "" : $" AND ClubId = @club AND Day IN ({d.TextSet("@days")})";
        var from = all ? "CoachingSessions s" : $"{d.TextRows("@days")} d JOIN CoachingSessions s ON s.ClubId = @club AND {d.OnParisDay("s.StartsAt", "d.value")}";
        var day = d.ParisDay("s.StartsAt");
        // The advisors' sessions are also summed per Paris month (Day = yyyy-MM): a year of whole months is 12 rows per advisor.
        var monthBucket = all ? "" : $" AND ClubId = @club AND Day IN (SELECT DISTINCT substr(value, 1, 7) FROM {d.TextRows("@days")})";
        var months = all
            ? "CoachingSessions s"
            : $"(SELECT DISTINCT substr(value, 1, 7) AS Month FROM {d.TextRows("@days")}) mo JOIN CoachingSessions s ON s.ClubId = @club " +
              $"AND {d.OnParisMonth("s.StartsAt", "mo.Month")}";
        return d.Finish($"""
            DELETE FROM ReportDailyTotals WHERE Kind = 'advisor_month'{monthBucket};
            INSERT INTO ReportDailyTotals (ClubId, Kind, Day, Key, N, A, B)
            SELECT s.ClubId, 'advisor_month', substr({day}, 1, 7), sa.AdvisorId, COUNT(*), SUM(s.DurationMinutes), NULL
              FROM {months} JOIN SessionAdvisors sa ON sa.SessionId = s.Id GROUP BY s.ClubId, 3, sa.AdvisorId;
            DELETE FROM ReportDailyTotals WHERE Kind IN ('mode', 'advisor'){bucket};
            INSERT INTO ReportDailyTotals (ClubId, Kind, Day, Key, N, A, B)
            SELECT s.ClubId, 'mode', {day}, CAST(s.Mode AS TEXT), COUNT(*), SUM(s.DurationMinutes), NULL
              FROM {from} GROUP BY s.ClubId, 3, s.Mode;
            INSERT INTO ReportDailyTotals (ClubId, Kind, Day, Key, N, A, B)
            SELECT s.ClubId, 'advisor', {day}, sa.AdvisorId, COUNT(*), SUM(s.DurationMinutes), NULL
              FROM {from} JOIN SessionAdvisors sa ON sa.SessionId = s.Id GROUP BY s.ClubId, 3, sa.AdvisorId;
            """);
    }

    /// <summary>Recomputes the action totals (done per Paris completion day, open per due day) of @days, all clubs; all = everything.</summary>
    public static string RefreshActionDays(ReportSqlDialect d, bool all)
    {
        var bucket = all ? "" : $" AND Day IN ({d.TextSet("@days")})";
        var done = all ? "" : " AND " + d.OnParisDay("i.CompletedAt", "d.value");
        var due = all ? "" : " AND " + d.DateIs("i.DueDate", "d.value");
        var days = all ? "" : $"{d.TextRows("@days")} d, ";
        return d.Finish($"""
            DELETE FROM ReportDailyTotals WHERE Kind IN ('done', 'due'){bucket};
            INSERT INTO ReportDailyTotals (ClubId, Kind, Day, Key, N, A, B)
            SELECT m.ClubId, 'done', {d.ParisDay("i.CompletedAt")}, '', COUNT(*), NULL, NULL
              FROM {days}ActionPlanItems i JOIN ActionPlans pl ON pl.Id = i.PlanId JOIN Merchants m ON m.Id = pl.MerchantId
             WHERE i.Status = 2 AND i.CompletedAt IS NOT NULL{done} GROUP BY m.ClubId, 3;
            INSERT INTO ReportDailyTotals (ClubId, Kind, Day, Key, N, A, B)
            SELECT m.ClubId, 'due', {d.DateText("i.DueDate")}, '', COUNT(*), NULL, NULL
              FROM {days}ActionPlanItems i JOIN ActionPlans pl ON pl.Id = i.PlanId JOIN Merchants m ON m.Id = pl.MerchantId
             WHERE i.Status IN (0, 1) AND i.DueDate IS NOT NULL{due} GROUP BY m.ClubId, i.DueDate;
            """);
    }

    /// <summary>
    /// The progress of a set of merchants (alias m of ReportMerchantFacts, fa its first diagnostic, la its latest) as
    /// rows (Kind, Key, N, A, B) of sums, grouped by <paramref name="groupBy"/> (e.g. the day of the latest diagnostic):
    /// progress; overall (both scores known: sums); axis per slot; level_first / level_latest (count, lowest score);
    /// indicator (first and latest flags); hours (minutes before the latest diagnostic, points gained).
    /// </summary>
    public static string ProgressRows(ReportSqlDialect d, string pairs, string group)
    {
        var slots = Enumerable.Range(0, AxisSlots).ToList();
        var axisSums = string.Concat(slots.Select(i =>
            $", SUM({d.Flag($"fa.{Axis(i)} IS NOT NULL AND la.{Axis(i)} IS NOT NULL")}) AS N{i}, SUM(CASE WHEN la.{Axis(i)} IS NOT NULL THEN fa.{Axis(i)} END) AS F{i}, SUM(CASE WHEN fa.{Axis(i)} IS NOT NULL THEN la.{Axis(i)} END) AS L{i}"));
        var indicatorSums = string.Concat(Enumerable.Range(0, IndicatorQuestions.All.Count).Select(i => $", SUM(fa.Indicator{i}) AS FI{i}, SUM(la.Indicator{i}) AS LI{i}"));
        string PerSlot(string prefix) => "CASE k.value " + string.Concat(slots.Select(i => $"WHEN {i} THEN s.{prefix}{i} ")) + "END";
        string PerIndicator(string prefix) => "CASE k.value " + string.Concat(Enumerable.Range(0, IndicatorQuestions.All.Count).Select(i => $"WHEN {i} THEN s.{prefix}{i} ")) + "END";
        var groupColumn = group.Length == 0 ? "NULL" : group;
        var groupBy = group.Length == 0 ? "" : " GROUP BY " + group;
        var indicators = Enumerable.Range(0, IndicatorQuestions.All.Count).ToList();
        return d.Finish($"""
            sums AS MATERIALIZED (
              SELECT {groupColumn} AS G, COUNT(*) AS N,
                SUM({d.Flag("fa.OverallScore IS NOT NULL AND la.OverallScore IS NOT NULL")}) AS BothN,
                SUM(CASE WHEN la.OverallScore IS NOT NULL THEN fa.OverallScore END) AS FirstSum,
                SUM(CASE WHEN fa.OverallScore IS NOT NULL THEN la.OverallScore END) AS LatestSum,
                SUM(CASE WHEN fa.OverallScore IS NOT NULL AND la.OverallScore IS NOT NULL THEN la.SessionMinutesBefore END) AS Minutes,
                SUM(la.OverallScore - fa.OverallScore) AS Gain{indicatorSums}{axisSums}
                FROM {pairs}{groupBy}),
            levels AS MATERIALIZED (
              SELECT {groupColumn} AS G, 'level_first' AS Kind, COALESCE(fa.LevelName, '') AS Key, COUNT(*) AS N, MIN(fa.OverallScore) AS A
                FROM {pairs} GROUP BY {(group.Length == 0 ? "" : group + ", ")}fa.LevelName
              UNION ALL SELECT {groupColumn}, 'level_latest', COALESCE(la.LevelName, ''), COUNT(*), MIN(la.OverallScore)
                FROM {pairs} GROUP BY {(group.Length == 0 ? "" : group + ", ")}la.LevelName),
            progress(G, Kind, Key, N, A, B) AS (
              SELECT s.G, 'progress', '', s.N, NULL, NULL FROM sums s
              UNION ALL SELECT s.G, 'overall', '', s.BothN, s.FirstSum, s.LatestSum FROM sums s
              UNION ALL SELECT s.G, 'hours', '', s.BothN, s.Minutes, s.Gain FROM sums s
              UNION ALL SELECT s.G, 'indicator', CAST(k.value AS TEXT), s.N, {PerIndicator("FI")}, {PerIndicator("LI")} FROM sums s, {d.IntRows(indicators, "k")}
              UNION ALL SELECT * FROM (SELECT s.G, 'axis', CAST(k.value AS TEXT), {PerSlot("N")} AS N, {PerSlot("F")}, {PerSlot("L")} FROM sums s, {d.IntRows(slots, "k")}){d.DerivedAlias("a")} WHERE N > 0
              UNION ALL SELECT G, Kind, Key, N, A, NULL FROM levels)
            """);
    }

    /// <summary>Recomputes the progress totals of one club's Paris days of latest diagnostic (@club, @days); all = everything.</summary>
    public static string RefreshProgressDays(ReportSqlDialect d, bool all)
    {
        var bucket = all ? "" : $" AND ClubId = @club AND Day IN ({d.TextSet("@days")})";
        var day = d.ParisDay("m.LastDiagnosticAt");
        var pairs = all
            ? "ReportMerchantFacts m"
            : $"{d.TextRows("@days")} d JOIN ReportMerchantFacts m ON m.ClubId = @club AND {d.OnParisDay("m.LastDiagnosticAt", "d.value")}";
        // CROSS JOIN keeps the merchants as the outer loop (SQLite does not reorder it).
        pairs += $" {d.CrossJoin} ReportAssessmentFacts fa ON fa.AssessmentId = m.FirstDiagnosticId {d.CrossJoin} ReportAssessmentFacts la ON la.AssessmentId = m.LastDiagnosticId WHERE m.DiagnosticCount >= 2";
        return d.Finish($"""
            DELETE FROM ReportDailyTotals WHERE Kind IN ('progress', 'overall', 'hours', 'indicator', 'axis', 'level_first', 'level_latest'){bucket};
            INSERT INTO ReportDailyTotals (ClubId, Kind, Day, Key, N, A, B)
            WITH {ProgressRows(d, pairs, $"m.ClubId || '|' || {day}")}
            SELECT CAST(substr(G, 1, {d.Instr}(G, '|') - 1) AS INTEGER), Kind, substr(G, {d.Instr}(G, '|') + 1), Key, N, A, B FROM progress WHERE N > 0;
            """);
    }

    /// <summary>
    /// Rebuilds every fact from the raw tables (migration backfill, generator, `rebuild-report-facts`), then gives the
    /// planner their statistics (without them it reads the merchant facts through the wrong index).
    /// </summary>
    public static string RebuildAll(ReportSqlDialect d) => d.Finish("DELETE FROM ReportAxes;\n" + RefreshMerchants(d, null) + RefreshSessionDays(d, all: true) +
        RefreshActionDays(d, all: true) + RefreshProgressDays(d, all: true) + "ANALYZE ReportMerchantFacts; ANALYZE ReportAssessmentFacts; ANALYZE ReportDailyTotals;\n");
}
