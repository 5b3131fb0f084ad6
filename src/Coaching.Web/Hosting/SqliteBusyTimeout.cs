using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coaching.Web.Hosting;

/// <summary>
/// Sets per-connection SQLite settings once on every physical connection the app opens:
/// <list type="bullet">
/// <item><c>busy_timeout</c>: SQLite itself waits for the write lock. Without it a writer that finds the database
///   busy gets SQLITE_BUSY at once and Microsoft.Data.Sqlite retries after sleeping 150 ms, so with a few advisors
///   saving answers at the same moment a save took several hundred milliseconds; SQLite's own handler retries within a
///   millisecond or two of the lock being released. Past the timeout the error still surfaces, and the callers that
///   write concurrently (e.g. the diagnostic's answer saving) retry it.</item>
/// <item><c>synchronous</c> (<see cref="SqliteOptions.Synchronous"/>, FULL by default): with FULL a commit returns once
///   the WAL is on disk, so no acknowledged write is lost even on a power cut; NORMAL only survives an app crash.</item>
/// <item><c>journal_size_limit</c>: the WAL is truncated back to this size after a checkpoint.</item>
/// </list>
/// See docs/durability.md for the choice and docs/benchmarks.md (« Diagnostic », « Load ») for the figures.
/// </summary>
public sealed class SqliteBusyTimeout(SqliteOptions sqlite) : DbConnectionInterceptor
{
    public const int Milliseconds = 10_000;

    private readonly string _pragmas = string.Join(' ',
        FormattableString.Invariant($"PRAGMA busy_timeout = {Milliseconds};"),
        DurabilityPragmas(sqlite));

    // Durability settings (docs/durability.md), kept apart from the other pragmas.
    private static string DurabilityPragmas(SqliteOptions sqlite) => string.Join(' ',
        sqlite.Synchronous == SqliteSynchronous.Normal ? "PRAGMA synchronous = NORMAL;" : "PRAGMA synchronous = FULL;",
        FormattableString.Invariant($"PRAGMA journal_size_limit = {(long)sqlite.JournalSizeLimitMegabytes * 1024 * 1024};"));

    // Pooled connections keep their settings: remember the native handles already set up.
    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsSetup(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsSetup(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static bool NeedsSetup(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Prepared.TryAdd(handle, handle);
}
