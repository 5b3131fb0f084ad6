using Coaching.Core.Merchants;
using Coaching.Core.ReferenceData;

namespace Coaching.Core.Reports;

/// <summary>
/// Who the report covers: the viewer's club, or only an advisor's own caseload (<see cref="CaseloadOf"/>), then the
/// merchant filters. <see cref="From"/> and <see cref="To"/> bound the period (UTC instants, end exclusive) that events
/// (sessions, diagnostics, actions, new files) are counted in; the cohort bounds when the files were opened.
/// </summary>
public sealed record ReportFilter(int ClubId, DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Set for an advisor: only the merchants assigned to them.</summary>
    public string? CaseloadOf { get; init; }
    public string? DepartmentCode { get; init; }
    public string? CommuneCode { get; init; }
    public SectorFamily? Sector { get; init; }
    public string? AdvisorId { get; init; }
    public DateTimeOffset? CohortFrom { get; init; }
    public DateTimeOffset? CohortTo { get; init; }
    public CaseStatus? Status { get; init; }
    public AgeBand? AgeBand { get; init; }

    /// <summary>Today in Paris, for the overdue actions.</summary>
    public DateOnly Today { get; init; }

    /// <summary>First instant of each Paris month of the period (the monthly trend), plus the period's end.</summary>
    public IReadOnlyList<(string Month, DateTimeOffset Start, DateTimeOffset End)> Months { get; init; } = [];

    /// <summary>True when no filter narrows the merchants: the whole club (sessions can then be counted by club).</summary>
    public bool WholeClub => CaseloadOf is null && DepartmentCode is null && CommuneCode is null && Sector is null && AdvisorId is null
        && CohortFrom is null && CohortTo is null && Status is null && AgeBand is null;
}
