using Coaching.Core.Sessions;

namespace Coaching.Web.Features.Sessions;

/// <summary>A merchant named in a list; <see cref="CanOpen"/> is false when the viewer may no longer open its file (e.g. after a reassignment): shown as text.</summary>
public sealed record MerchantLink(int Id, string Name, bool CanOpen = true);

public sealed record SessionRow(int Id, DateTimeOffset StartsAt, int DurationMinutes, SessionMode Mode, DateTimeOffset? NextAppointmentAt, IReadOnlyList<MerchantLink> Merchants);

public sealed record MySessionsViewModel(IReadOnlyList<SessionRow> Planned, IReadOnlyList<SessionRow> Past, IReadOnlyList<SessionRow> Appointments);

public sealed record RevisionRow(DateTimeOffset RevisedAt, string Summary, string? ActorName, SessionSnapshot? Previous);

public sealed record SessionDetailsViewModel(
    CoachingSession Session, SessionSnapshot Content, bool CanEdit, IReadOnlyList<RevisionRow> Revisions, DateTimeOffset Now, IReadOnlySet<int> ReadableMerchantIds);

/// <summary>The user's input and the saved version, both described with names, when someone else saved first.</summary>
public sealed record SessionConflict(SessionSnapshot Mine, SessionSnapshot Saved);

public sealed record SessionEditorViewModel(SessionForm Form, int? SessionId, SessionChoices Choices, SessionConflict? Conflict);
