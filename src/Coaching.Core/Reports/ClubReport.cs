using Coaching.Core.Sessions;

namespace Coaching.Core.Reports;

/// <summary>The figures of a club report; every figure carries its population and hides itself under the threshold.</summary>
public sealed record ClubReport
{
    public required ReportFilter Filter { get; init; }

    // Merchants accompanied
    public Cell Merchants { get; init; }
    public Cell NewMerchants { get; init; }
    public Cell CoachedInPeriod { get; init; }
    public Cell Prospects { get; init; }
    public Cell Active { get; init; }
    public Cell Finished { get; init; }
    public Cell Dropped { get; init; }
    public IReadOnlyList<KeyCount> ByDepartment { get; init; } = [];
    public IReadOnlyList<KeyCount> BySector { get; init; } = [];

    // Diagnostics completed in the period
    public Cell FirstDiagnostics { get; init; }
    public Cell FollowUpDiagnostics { get; init; }

    // Sessions in the period
    public Cell Sessions { get; init; }
    public Cell Hours { get; init; }
    public IReadOnlyList<ModeRow> ByMode { get; init; } = [];

    // Progress: merchants with two diagnostics or more, the latest completed in the period
    public Cell ProgressMerchants { get; init; }
    public BeforeAfter OverallScore { get; init; } = new("Score global", "", default, default, 0);
    public IReadOnlyList<BeforeAfter> AxisScores { get; init; } = [];
    public IReadOnlyList<LevelRow> Levels { get; init; } = [];
    public IReadOnlyList<BeforeAfter> IndicatorShares { get; init; } = [];
    public Cell HoursPerPointGained { get; init; }

    // Actions
    public Cell Actions { get; init; }
    public Cell ActionsDone { get; init; }
    public Cell ActionsOverdue { get; init; }

    public Cell DaysToFirstSession { get; init; }

    public IReadOnlyList<AdvisorRow> Advisors { get; init; } = [];
    public IReadOnlyList<MonthRow> Months { get; init; } = [];

    /// <summary>SQL commands the report took (shown to nobody; measured by the benchmarks).</summary>
    public int SqlCommands { get; init; }
}

public sealed record KeyCount(string Key, string Label, Cell Count);

public sealed record ModeRow(SessionMode Mode, Cell Sessions, Cell Hours);

/// <summary>First vs latest: averages (scores 0–100) or shares (0–1) over the same n merchants.</summary>
public sealed record BeforeAfter(string Label, string Key, Cell First, Cell Latest, long N)
{
    public double? Gain => First.Shown is { } f && Latest.Shown is { } l ? l - f : null;
}

public sealed record LevelRow(string Level, Cell First, Cell Latest);

public sealed record AdvisorRow(string AdvisorId, string Name, Cell Merchants, Cell Sessions, Cell Hours);

public sealed record MonthRow(string Month, Cell NewMerchants, Cell Sessions, Cell Hours);
