using System.Security.Cryptography;
using Coaching.Core.Data;
using Coaching.Core.Merchants;
using Coaching.Core.Roadmaps;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Roadmaps;

public enum IssueOutcome
{
    Issued,

    /// <summary>Someone issued a version since the page was shown: nothing was stored.</summary>
    Conflict,
}

public sealed record IssueResult(IssueOutcome Outcome, IssuedRoadmap? Roadmap);

/// <summary>
/// Issues a roadmap: renders the current draft, stores the PDF bytes with their SHA-256 hash, number, date and author, and
/// records it on the case-file timeline, in one transaction. The bytes are kept in the database (not regenerated): a
/// version must download exactly as it was handed over, and the database is what is backed up and erased with the file.
/// </summary>
public sealed class RoadmapIssuer(CoachingDbContext db, RoadmapSource source, TimeProvider clock)
{
    public async Task<int> NextNumberAsync(int merchantId, CancellationToken cancellationToken) =>
        (await db.IssuedRoadmaps.Where(r => r.MerchantId == merchantId).Select(r => (int?)r.Number).MaxAsync(cancellationToken) ?? 0) + 1;

    /// <param name="expectedNumber">The number the person saw as the next one; another number means someone issued meanwhile.</param>
    public async Task<IssueResult> IssueAsync(Merchant merchant, int expectedNumber, string? actorId, CancellationToken cancellationToken)
    {
        var number = await NextNumberAsync(merchant.Id, cancellationToken);
        if (number != expectedNumber) return new IssueResult(IssueOutcome.Conflict, null);

        var data = await source.LoadAsync(merchant, cancellationToken);
        var document = RoadmapDocument.Render(data);
        var roadmap = new IssuedRoadmap
        {
            MerchantId = merchant.Id,
            Number = number,
            IssuedAt = data.IssuedAt,
            IssuedById = actorId,
            Content = document.Bytes,
            PageCount = document.PageCount,
            SizeBytes = document.Bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(document.Bytes)),
        };
        db.IssuedRoadmaps.Add(roadmap);
        db.CaseEvents.Add(Timeline.Entry(CaseEventKind.RoadmapIssued, $"Feuille de route n° {number} émise ({document.PageCount} page{(document.PageCount > 1 ? "s" : "")}, empreinte SHA-256 {roadmap.Sha256[..12]}…).", actorId, clock.GetUtcNow(), merchant.Id));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return new IssueResult(IssueOutcome.Conflict, null);
        }
        return new IssueResult(IssueOutcome.Issued, roadmap);
    }
}
