using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coaching.Web.Infrastructure;

/// <summary>
/// Sets two per-connection SQLite settings once on every physical connection the app opens:
/// <list type="bullet">
/// <item><c>busy_timeout</c>: SQLite itself waits for the write lock. Without it a writer that finds the database
///   busy gets SQLITE_BUSY at once and Microsoft.Data.Sqlite retries after sleeping 150 ms, so with a few advisors
///   saving answers at the same moment a save took several hundred milliseconds; SQLite's own handler retries within a
///   millisecond or two of the lock being released. Past the timeout the error still surfaces, and the callers that
///   write concurrently (e.g. the diagnostic's answer saving) retry it.</item>
/// <item><c>synchronous = NORMAL</c>, the setting SQLite recommends with WAL (set at start-up): a commit no longer
///   waits for the disk, only checkpoints do. The database stays consistent whatever happens, and a crash or restart of
///   the app loses nothing; only a power cut or an OS crash may undo the last commits before the next checkpoint.</item>
/// </list>
/// See docs/benchmarks.md (section « Diagnostic ») for the figures before and after.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 10_000;

    private static readonly string Pragmas = FormattableString.Invariant($"PRAGMA busy_timeout = {Milliseconds}; PRAGMA synchronous = NORMAL;");

    // Pooled connections keep their settings: remember the native handles already set up.
    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsSetup(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSetup(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static bool NeedsSetup(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Prepared.TryAdd(handle, handle);
}
