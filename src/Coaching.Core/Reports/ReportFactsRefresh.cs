using System.Runtime.CompilerServices;
using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Coaching.Core.Reports;

/// <summary>
/// Keeps the club reports' facts in step with every save, as a save interceptor that the reports feature registers:
/// before the save it notes what the changes touch (<see cref="ReportFactsSync.CollectAsync"/>), opens a transaction
/// if the caller has none and takes the facts lock; after the save it recomputes those facts in the same transaction
/// and commits. A failed or cancelled save rolls the transaction back, so rows are never written without their facts.
/// </summary>
public sealed class ReportFactsRefresh : SaveChangesInterceptor
{
    private sealed record Pending(ReportFactsSync Facts, IDbContextTransaction? OwnTransaction);

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not CoachingDbContext db) return result;
        var facts = await ReportFactsSync.CollectAsync(db, cancellationToken);
        if (facts.IsEmpty) return result;
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        _pending.AddOrUpdate(db, new Pending(facts, transaction));
        await ReportFactsSync.LockAsync(db, cancellationToken);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not CoachingDbContext db || !_pending.TryGetValue(db, out var pending)) return result;
        _pending.Remove(db);
        try
        {
            await pending.Facts.ApplyAsync(db, cancellationToken);
            if (pending.OwnTransaction is not null) await pending.OwnTransaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (pending.OwnTransaction is not null) await pending.OwnTransaction.DisposeAsync();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        await AbandonAsync(eventData.Context);

    /// <summary>
    /// The refresh runs SQL of its own and is asynchronous all the way: a synchronous save that touches what the reports
    /// count is refused rather than blocking a thread on it (the app's saves are asynchronous; the synchronous ones it
    /// keeps, such as the audit key's first creation, touch no reported row).
    /// </summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is CoachingDbContext db && db.ChangeTracker.Entries().Any(ReportFactsSync.IsReported))
            throw new InvalidOperationException("Saving merchants, diagnostics, sessions or plans refreshes the report facts: use SaveChangesAsync.");
        return result;
    }

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending)) return;
        _pending.Remove(context);
        if (pending.OwnTransaction is not null) await pending.OwnTransaction.DisposeAsync();
    }
}
