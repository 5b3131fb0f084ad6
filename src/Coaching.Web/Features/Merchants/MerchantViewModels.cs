using Coaching.Core.Merchants;
using Coaching.Web.Hosting;

namespace Coaching.Web.Features.Merchants;

public sealed record MerchantIndexViewModel(MerchantListQuery Query, MerchantPage Page, IReadOnlyList<StaffMember> Advisors, string CurrentUserId);

public sealed record TimelineEntry(DateTimeOffset OccurredAt, CaseEventKind Kind, string Summary, string? ActorName);

public sealed record MerchantAccount(string Email, string DisplayName, bool Activated, bool IsActive);

public sealed record MerchantDetailsViewModel(
    Merchant Merchant,
    bool CanEdit,
    bool CanReassign,
    IReadOnlyList<StaffMember> Advisors,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<CaseEventKind> TimelineKinds,
    CaseEventKind? TimelineFilter,
    IReadOnlyList<MerchantAccount> Accounts,
    IReadOnlyList<DiagnosticSummary> Diagnostics,
    int PublishedQuestionnaires);

public sealed record DiagnosticSummary(int Id, Coaching.Core.Diagnostics.Assessments.AssessmentStatus Status, DateTimeOffset At, double? OverallScore, string? LevelName);

/// <summary>The create/edit form; <see cref="Conflict"/> holds the saved version when someone else changed the file meanwhile.</summary>
public sealed record MerchantEditorViewModel(MerchantForm Form, Merchant? Merchant, IReadOnlyList<StaffMember> Advisors, MerchantForm? Conflict);
