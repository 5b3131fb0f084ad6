using System.Data.Common;
using Coaching.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coaching.Web.Hosting;

/// <summary>
/// Serialises the start-up's database work (migrations and first-run rows: roles, club, questionnaire, catalogue, demo
/// club) across processes, so that instances started together on a new or outdated database do it one after the other:
/// the first one does the work, the next ones find it done. PostgreSQL: a session advisory lock on a dedicated connection.
/// SQLite: an immediate (write) transaction on a separate lock file next to the database (<c>coaching.db.startup-lock</c>),
/// waited for with a busy timeout; the database file itself stays free for the migrations.
/// </summary>
public sealed class DatabaseStartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock's key: "Coaching" in ASCII.</summary>
    public const long AdvisoryKey = 0x436F616368696E67;
    public const string LockFileSuffix = ".startup-lock";
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(10);

    private readonly DbConnection? _connection;
    private readonly string _releaseSql;

    private DatabaseStartupLock(DbConnection? connection, string releaseSql)
    {
        _connection = connection;
        _releaseSql = releaseSql;
    }

    public static async Task<DatabaseStartupLock> AcquireAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var db = services.GetRequiredService<CoachingDbContext>();
        var connectionString = db.Database.GetConnectionString() ?? "";
        if (db.Database.IsNpgsql())
        {
            // No pooling: the lock belongs to the session, which must end with the lock's release.
            var postgres = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            return await TakeAsync(postgres, $"SELECT pg_advisory_lock({AdvisoryKey})", $"SELECT pg_advisory_unlock({AdvisoryKey})", cancellationToken);
        }

        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:" || connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
            return new DatabaseStartupLock(null, "");
        var path = Path.GetFullPath(file) + LockFileSuffix;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            DefaultTimeout = (int)Wait.TotalSeconds,
        }.ConnectionString);
        // BEGIN IMMEDIATE waits (Microsoft.Data.Sqlite retries while busy, up to the timeout) for the other process's COMMIT.
        return await TakeAsync(sqlite, "BEGIN IMMEDIATE", "COMMIT", cancellationToken);
    }

    private static async Task<DatabaseStartupLock> TakeAsync(DbConnection connection, string takeSql, string releaseSql, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var take = connection.CreateCommand();
            take.CommandText = takeSql;
            take.CommandTimeout = (int)Wait.TotalSeconds;
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new DatabaseStartupLock(connection, releaseSql);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        try
        {
            await using var release = _connection.CreateCommand();
            release.CommandText = _releaseSql;
            await release.ExecuteNonQueryAsync();
        }
        finally
        {
            // Closing the connection releases the lock in any case.
            await _connection.DisposeAsync();
        }
    }
}
