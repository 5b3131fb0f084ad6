namespace Coaching.Core.Reports;

/// <summary>Section « Commerçants »: counts by status, sector, department and month of enrolment.</summary>
public sealed partial class ReportQuery
{
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
}
