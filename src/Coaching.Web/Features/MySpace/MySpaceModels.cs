using Coaching.Core.Merchants;
using Coaching.Core.Plans;
using Coaching.Core.Roadmaps;
using Coaching.Web.Features.Roadmaps;
using FluentValidation;

namespace Coaching.Web.Features.MySpace;

/// <summary>What a merchant posts to say an action of their plan is done.</summary>
public sealed class MarkDoneForm
{
    public const int CommentLength = 1000;

    public string? Version { get; set; }
    public string? Comment { get; set; }
}

public sealed class MarkDoneFormValidator : AbstractValidator<MarkDoneForm>
{
    public MarkDoneFormValidator()
    {
        RuleFor(f => f.Version).NotEmpty()
            .WithMessage("La page n'est plus à jour : rechargez-la, puis indiquez de nouveau que l'action est faite.");
        RuleFor(f => f.Comment).MaximumLength(MarkDoneForm.CommentLength)
            .WithMessage(f => $"Votre commentaire fait {f.Comment!.Length} caractères : {MarkDoneForm.CommentLength} au plus. Raccourcissez-le.");
    }
}

public sealed record MyAxisRow(string Title, double? First, double? Latest, string? Level);

public sealed record MyPlanItem(int Id, int Position, string Title, string? AxisTitle, PlanItemOwner Owner, DateOnly? DueDate,
    PlanItemStatus Status, string? Notes, string Version, bool Overdue)
{
    public bool IsOpen => Status is PlanItemStatus.ToDo or PlanItemStatus.InProgress;
}

public sealed record MyRoadmapRow(int Id, int Number, DateTimeOffset IssuedAt, int PageCount);

/// <summary>The mark-done form shown again with its error and what the merchant typed.</summary>
public sealed record MarkDoneRetry(int ItemId, string? Comment);

public sealed record MySpaceViewModel(
    Merchant Merchant,
    RoadmapDiagnostic? Latest,
    RoadmapDiagnostic? First,
    IReadOnlyList<MyAxisRow> Axes,
    string? RadarSvg,
    IReadOnlyList<MyPlanItem> Plan,
    RoadmapSource.NextAppointment? NextAppointment,
    IReadOnlyList<MyRoadmapRow> Roadmaps,
    MarkDoneRetry? Retry);
