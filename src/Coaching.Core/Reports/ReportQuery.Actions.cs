namespace Coaching.Core.Reports;

/// <summary>Section « Actions »: actions done in the period and overdue.</summary>
public sealed partial class ReportQuery
{
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
}
