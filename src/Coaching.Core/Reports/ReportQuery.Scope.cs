using System.Globalization;
using System.Text;
using Coaching.Core.Merchants;

namespace Coaching.Core.Reports;

/// <summary>The report's population and period as SQL conditions and parameters.</summary>
public sealed partial class ReportQuery
{
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
}
