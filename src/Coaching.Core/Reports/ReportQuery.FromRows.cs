using System.Globalization;
using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;
using Coaching.Core.Sessions;

namespace Coaching.Core.Reports;

/// <summary>The report assembled from the rows of the four commands.</summary>
public sealed partial class ReportQuery
{
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
