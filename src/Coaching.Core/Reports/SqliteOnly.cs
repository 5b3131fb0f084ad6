using Microsoft.EntityFrameworkCore;

namespace Coaching.Core.Reports;

/// <summary>The report SQL is written for SQLite; on another provider it refuses rather than send SQLite SQL.</summary>
public static class SqliteOnly
{
    public static void Ensure(DbContext db, string what)
    {
        if (!db.Database.IsSqlite())
            throw new NotSupportedException(
                $"{what} uses SQLite SQL and is not yet ported to {db.Database.ProviderName} " +
                "(issue 8, \"Outgrowing one machine: PostgreSQL and several app instances\").");
    }
}
