using Coaching.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Web.Hosting;

public static class SqliteFiles
{
    /// <summary>
    /// After an erasure: copies the write-ahead log into the database and empties it, so that the page images it held
    /// from before (with the erased values) are gone from disk too. If a reader keeps it busy, the next checkpoint does it.
    /// </summary>
    public static async Task TruncateWalAsync(CoachingDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite()) return;
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }
}
