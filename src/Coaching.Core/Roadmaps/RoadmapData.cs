using Coaching.Core.Plans;
using Coaching.Core.Sessions;

namespace Coaching.Core.Roadmaps;

/// <summary>Everything a roadmap shows, gathered beforehand so that <see cref="RoadmapDocument"/> is pure layout.</summary>
public sealed record RoadmapData(
    RoadmapClub Club,
    RoadmapMerchant Merchant,
    RoadmapAdvisor? Advisor,
    DateTimeOffset IssuedAt,
    RoadmapDiagnostic? FirstDiagnostic,
    RoadmapDiagnostic? LatestDiagnostic,
    IReadOnlyList<RoadmapLevel> Levels,
    IReadOnlyList<RoadmapAction> Actions,
    IReadOnlyList<RoadmapSession> Sessions,
    RoadmapAppointment? NextAppointment);

/// <summary>The club; <see cref="Logo"/> is the PNG or JPEG file's bytes, null when there is none.</summary>
public sealed record RoadmapClub(string Name, byte[]? Logo, string? Email, string? Phone, string? Website);

public sealed record RoadmapMerchant(string BusinessName, string ContactName, string Address);

public sealed record RoadmapAdvisor(string Name, string? Email, string? Phone);

/// <summary>A completed diagnostic's frozen figures.</summary>
public sealed record RoadmapDiagnostic(DateTimeOffset CompletedAt, double? Overall, string? LevelName, string? LevelDescription, IReadOnlyList<RoadmapAxisScore> Axes);

public sealed record RoadmapAxisScore(string Code, string Title, double? Score);

/// <summary>A maturity band of the questionnaire (inclusive whole-number bounds), used to name the level of each axis.</summary>
public sealed record RoadmapLevel(string Name, int Min, int Max);

public sealed record RoadmapAction(int Position, string Title, string? AxisTitle, PlanItemOwner Owner, DateOnly? DueDate, PlanItemStatus Status, string? Notes)
{
    public bool IsOpen => Status is PlanItemStatus.ToDo or PlanItemStatus.InProgress;
}

public sealed record RoadmapSession(DateTimeOffset StartsAt, SessionMode Mode, int DurationMinutes, string? NextStep);

public sealed record RoadmapAppointment(DateTimeOffset At, SessionMode Mode);
