using Coaching.Core.Actions;
using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Core.Sessions;

namespace Coaching.Web.Features.Plans;

public sealed record PlanItemRow(ActionPlanItem Item, CatalogAction? Action)
{
    public string Title => Action?.Title ?? ActionCodes.TitleOf(Item.ActionCode);
}

public sealed record PlanHistoryRow(DateTimeOffset OccurredAt, string Summary, string? ActorName);

public sealed record PlanPageViewModel(
    Merchant Merchant,
    bool CanEdit,
    string PlanVersion,
    IReadOnlyList<PlanItemRow> Items,
    IReadOnlyDictionary<string, string> AxisTitles,
    IReadOnlyDictionary<int, string> ItemVersions,
    IReadOnlyList<CatalogAction> Addable,
    bool HasCompletedDiagnostic,
    PlanOutcomeView? Outcome,
    IReadOnlyList<PlanHistoryRow> History,
    DateOnly Today,
    string? ConflictAttempt)
{
    /// <summary>The axis title of an action (never its internal code); null when unknown.</summary>
    public string? AxisTitle(CatalogAction? action) => action is null ? null : AxisTitles.GetValueOrDefault(action.AxisCode);
}

public sealed record PlanRemovalViewModel(Merchant Merchant, PlanItemRow Row, string PlanVersion);

public sealed record PlanProposalViewModel(Merchant Merchant, PlanProposal? Proposal, string PlanVersion, IReadOnlySet<string> Selected);

public sealed record ItemSessionRow(int SessionId, DateTimeOffset StartsAt, SessionMode Mode);

public sealed record PlanItemEditorViewModel(
    Merchant Merchant, ActionPlanItem Item, CatalogAction? Action, PlanItemForm Form, PlanItemForm? Conflict, IReadOnlyList<ItemSessionRow> Sessions)
{
    public string Title => Action?.Title ?? ActionCodes.TitleOf(Item.ActionCode);
}
