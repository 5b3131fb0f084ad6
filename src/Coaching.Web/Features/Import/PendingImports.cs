using Coaching.Core.Coordination;
using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Features.Import;

/// <summary>
/// Keeps an uploaded file between the preview and the confirmation, in the database so that the confirmation may reach
/// any instance of the app; only its uploader can use it, for 12 hours.
/// </summary>
public sealed class PendingImports(CoachingDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public async Task<Guid> SaveAsync(string userId, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var limit = now - Lifetime;
        await db.PendingImports.Where(p => p.CreatedAt < limit).ExecuteDeleteAsync(cancellationToken);
        var pending = new PendingImport
        {
            Id = Guid.NewGuid(),
            OwnerId = userId,
            FileName = fileName.Length > PendingImport.FileNameLength ? fileName[..PendingImport.FileNameLength] : fileName,
            Content = content,
            CreatedAt = now,
        };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(pending).State = EntityState.Detached;
        return pending.Id;
    }

    public async Task<(byte[] Content, string FileName)?> LoadAsync(string userId, Guid id, CancellationToken cancellationToken)
    {
        var limit = clock.GetUtcNow() - Lifetime;
        var pending = await db.PendingImports.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id && p.OwnerId == userId && p.CreatedAt >= limit, cancellationToken);
        return pending is null ? null : (pending.Content, pending.FileName);
    }

    public Task DeleteAsync(string userId, Guid id, CancellationToken cancellationToken) =>
        db.PendingImports.Where(p => p.Id == id && p.OwnerId == userId).ExecuteDeleteAsync(cancellationToken);
}
