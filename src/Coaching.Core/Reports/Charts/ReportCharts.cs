using Coaching.Core.Sessions;

namespace Coaching.Core.Reports.Charts;

/// <summary>The charts of a club report, as numbers; the page draws them in SVG and the PDF with PDFsharp.</summary>
public static class ReportCharts
{
    private static ChartPoint Count(Cell cell) => new(cell.Shown, ReportText.Count(cell));

    public static ChartData Departments(ClubReport report) => new("Commerçants par département", ChartKind.HorizontalBars,
        report.ByDepartment.Select(d => d.Label).ToList(),
        [new ChartSeries("Commerçants", report.ByDepartment.Select(d => Count(d.Count)).ToList())]);

    public static ChartData Sectors(ClubReport report) => new("Commerçants par secteur", ChartKind.HorizontalBars,
        report.BySector.Select(d => d.Label).ToList(),
        [new ChartSeries("Commerçants", report.BySector.Select(d => Count(d.Count)).ToList())]);

    public static ChartData HoursByMode(ClubReport report) => new("Heures d'accompagnement par mode", ChartKind.HorizontalBars,
        report.ByMode.Select(m => m.Mode.Label()).ToList(),
        [new ChartSeries("Heures", report.ByMode.Select(m => new ChartPoint(m.Hours.Shown, ReportText.Decimal(m.Hours, " h"))).ToList())]);

    public static ChartData Scores(ClubReport report)
    {
        var rows = new[] { report.OverallScore }.Concat(report.AxisScores).ToList();
        return new ChartData("Score moyen au premier et au dernier diagnostic (sur 100)", ChartKind.HorizontalBars,
            rows.Select(r => r.Label).ToList(),
            [
                new ChartSeries("Premier diagnostic", rows.Select(r => new ChartPoint(r.First.Shown, ReportText.Decimal(r.First))).ToList()),
                new ChartSeries("Dernier diagnostic", rows.Select(r => new ChartPoint(r.Latest.Shown, ReportText.Decimal(r.Latest))).ToList()),
            ]) { Max = 100 };
    }

    public static ChartData Levels(ClubReport report) => new("Niveaux de maturité avant et après", ChartKind.HorizontalBars,
        report.Levels.Select(l => l.Level).ToList(),
        [
            new ChartSeries("Premier diagnostic", report.Levels.Select(l => Count(l.First)).ToList()),
            new ChartSeries("Dernier diagnostic", report.Levels.Select(l => Count(l.Latest)).ToList()),
        ]);

    public static ChartData Practices(ClubReport report) => new("Part des commerçants, au premier et au dernier diagnostic", ChartKind.HorizontalBars,
        report.IndicatorShares.Select(i => i.Label).ToList(),
        [
            new ChartSeries("Premier diagnostic", report.IndicatorShares.Select(i => new ChartPoint(i.First.Shown * 100, ReportText.Share(i.First))).ToList()),
            new ChartSeries("Dernier diagnostic", report.IndicatorShares.Select(i => new ChartPoint(i.Latest.Shown * 100, ReportText.Share(i.Latest))).ToList()),
        ]) { Max = 100 };

    public static ChartData Trend(ClubReport report) => new("Séances et nouveaux dossiers par mois", ChartKind.Columns,
        report.Months.Select(m => ReportText.ShortMonth(m.Month)).ToList(),
        [
            new ChartSeries("Séances", report.Months.Select(m => Count(m.Sessions)).ToList()),
            new ChartSeries("Nouveaux dossiers", report.Months.Select(m => Count(m.NewMerchants)).ToList()),
        ]);
}
