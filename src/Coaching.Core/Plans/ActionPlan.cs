using Coaching.Core.Data;
using Coaching.Core.Identity;
using Coaching.Core.Merchants;

namespace Coaching.Core.Plans;

public enum PlanItemStatus
{
    ToDo = 0,
    InProgress = 1,
    Done = 2,
    Dropped = 3,
}

public enum PlanItemOwner
{
    Merchant = 0,
    Advisor = 1,
    Partner = 2,
}

/// <summary>
/// A merchant's action plan: ordered actions of the catalogue. Its <see cref="Version"/> guards the order and the list
/// (add, remove, reorder); each item has its own version for its details.
/// </summary>
public class ActionPlan : IVersioned
{
    public int Id { get; set; }
    public int MerchantId { get; set; }
    public Merchant? Merchant { get; set; }

    /// <summary>The completed diagnostic the latest proposal came from, if any.</summary>
    public int? ProposedFromAssessmentId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <inheritdoc />
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <inheritdoc />
    public uint RowVersion { get; set; }

    public List<ActionPlanItem> Items { get; set; } = [];
    public List<ActionPlanChange> Changes { get; set; } = [];

    public IReadOnlyList<ActionPlanItem> OrderedItems => Items.OrderBy(i => i.Position).ThenBy(i => i.Id).ToList();

    /// <summary>Gives the items positions 1, 2, 3… in their current order.</summary>
    public void Renumber()
    {
        var position = 1;
        foreach (var item in OrderedItems) item.Position = position++;
    }
}

/// <summary>One action of a plan.</summary>
public class ActionPlanItem : IVersioned
{
    public const int NotesLength = 4000;
    public const int ReasonLength = 1000;

    public int Id { get; set; }
    public int PlanId { get; set; }
    public ActionPlan? Plan { get; set; }
    public string ActionCode { get; set; } = "";

    /// <summary>1-based rank in the plan.</summary>
    public int Position { get; set; }
    public DateOnly? DueDate { get; set; }
    public PlanItemOwner Owner { get; set; }
    public PlanItemStatus Status { get; set; }
    public string? ProgressNotes { get; set; }

    /// <summary>Why it was proposed (the rule that fired), empty when added by hand.</summary>
    public string? Reason { get; set; }

    /// <summary>Ranking score when proposed: gap × impact ÷ effort.</summary>
    public double? RankScore { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the status last became « fait ».</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <inheritdoc />
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <inheritdoc />
    public uint RowVersion { get; set; }

    public bool IsOpen => Status is PlanItemStatus.ToDo or PlanItemStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && DueDate is { } due && due < today;
}

/// <summary>One recorded change of a plan (its history).</summary>
public class ActionPlanChange
{
    public long Id { get; set; }
    public int PlanId { get; set; }
    public int? ItemId { get; set; }
    public string? ActionCode { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public string? ActorId { get; set; }
    public AppUser? Actor { get; set; }
    public string Summary { get; set; } = "";
}

public static class PlanLabels
{
    public static string Label(this PlanItemStatus status) => status switch
    {
        PlanItemStatus.ToDo => "À faire",
        PlanItemStatus.InProgress => "En cours",
        PlanItemStatus.Done => "Fait",
        PlanItemStatus.Dropped => "Abandonné",
        _ => status.ToString(),
    };

    public static string Label(this PlanItemOwner owner) => owner switch
    {
        PlanItemOwner.Merchant => "Commerçant",
        PlanItemOwner.Advisor => "Conseiller",
        PlanItemOwner.Partner => "Partenaire",
        _ => owner.ToString(),
    };
}
