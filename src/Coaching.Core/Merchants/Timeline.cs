namespace Coaching.Core.Merchants;

/// <summary>
/// The one place that writes a case file's timeline entry (<see cref="CaseEvent"/>): every feature, import, seeding and
/// privacy step goes through it, so that an entry always has its kind, date, author and a summary that fits its column.
/// </summary>
public static class Timeline
{
    public const int SummaryLength = 2000;

    /// <summary>An entry for <paramref name="merchantId"/>; leave it 0 when the entry is added to a new merchant's <c>Events</c>.</summary>
    public static CaseEvent Entry(CaseEventKind kind, string summary, string? actorId, DateTimeOffset at, int merchantId = 0) => new()
    {
        MerchantId = merchantId,
        OccurredAt = at,
        Kind = kind,
        ActorId = actorId,
        Summary = summary.Length <= SummaryLength ? summary : summary[..(SummaryLength - 1)] + "…",
    };
}
