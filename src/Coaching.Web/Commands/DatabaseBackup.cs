using System.Diagnostics;
using System.Globalization;
using Coaching.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Coaching.Web.Demo;
using Coaching.Web.Hosting;

namespace Coaching.Web.Commands;

/// <summary>
/// `backup --out FILE [--force]`: an online copy of the database while the app keeps serving writes.
/// <para>
/// SQLite's online backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>, one step for all pages)
/// copies inside one read transaction: the copy is the database as of one commit, and in WAL mode that reader never
/// blocks the app's writers (they append to the WAL meanwhile). Unlike <c>VACUUM INTO</c>, whose output SQLite never
/// fsyncs, the copy is written through a normal connection (rollback journal, synchronous FULL), so it is on disk
/// when the command returns; it is written under a temporary name, checked with <c>PRAGMA integrity_check</c>, and only
/// then renamed to FILE.
/// </para>
/// </summary>
public static class DatabaseBackup
{
    public sealed record Result(string File, long Bytes, TimeSpan Elapsed, string IntegrityCheck);

    public const string PostgresRefusal = "backup copie une base SQLite ; cette instance utilise PostgreSQL : sauvegardez-la avec les outils " +
        "de PostgreSQL, par exemple « pg_dump --format=custom --file=coaching.dump coaching » (restauration : pg_restore). Rien n'a été écrit.";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (!services.GetRequiredService<CoachingDbContext>().Database.IsSqlite())
        {
            await error.WriteLineAsync(PostgresRefusal);
            return 1;
        }
        var force = args.Contains("--force");
        var outIndex = Array.IndexOf(args, "--out");
        var known = args.Length == (force ? 3 : 2);
        if (outIndex < 0 || outIndex + 1 >= args.Length || args[outIndex + 1].StartsWith("--", StringComparison.Ordinal) || !known)
        {
            await error.WriteLineAsync("Usage : backup --out FICHIER [--force]");
            return 2;
        }

        var target = Path.GetFullPath(args[outIndex + 1]);
        var connectionString = services.GetRequiredService<CoachingDbContext>().Database.GetConnectionString()
            ?? throw new InvalidOperationException("No connection string for the database.");
        try
        {
            var result = Create(connectionString, target, force);
            await output.WriteLineAsync(string.Create(CultureInfo.GetCultureInfo("fr-FR"),
                $"Sauvegarde écrite : {result.File} ({result.Bytes / 1024.0 / 1024.0:0.0} Mo) en {result.Elapsed.TotalSeconds:0.00} s ; integrity_check : {result.IntegrityCheck}."));
            return 0;
        }
        catch (BackupRefusedException refused)
        {
            await error.WriteLineAsync(refused.Message);
            return 1;
        }
    }

    /// <summary>Copies the database of <paramref name="sourceConnectionString"/> to <paramref name="target"/> and checks the copy.</summary>
    public static Result Create(string sourceConnectionString, string target, bool overwrite)
    {
        if (File.Exists(target) && !overwrite)
            throw new BackupRefusedException($"Le fichier {target} existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer.");
        var sourceBuilder = new SqliteConnectionStringBuilder(sourceConnectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (!File.Exists(sourceBuilder.DataSource))
            throw new BackupRefusedException($"La base {sourceBuilder.DataSource} n'existe pas.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        var partial = $"{target}.{Guid.NewGuid():N}.partial";
        var watch = Stopwatch.StartNew();
        try
        {
            using (var source = new SqliteConnection(sourceBuilder.ToString()))
            using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                source.Open();
                Execute(source, FormattableString.Invariant($"PRAGMA busy_timeout = {SqliteBusyTimeout.Milliseconds};"));
                copy.Open();
                source.BackupDatabase(copy);
                // A copy of a WAL database is itself in WAL mode: turn it back into one self-contained file.
                Execute(copy, "PRAGMA journal_mode = DELETE;");
                var integrity = IntegrityCheck(copy);
                if (integrity != "ok")
                    throw new BackupRefusedException($"La copie n'est pas intègre ({integrity}) : rien n'a été écrit dans {target}.");
            }
            File.Move(partial, target, overwrite);
            watch.Stop();
            return new Result(target, new FileInfo(target).Length, watch.Elapsed, "ok");
        }
        finally
        {
            foreach (var leftover in new[] { partial, partial + "-journal", partial + "-wal", partial + "-shm" })
                File.Delete(leftover);
        }
    }

    /// <summary>The first line of <c>PRAGMA integrity_check</c> ("ok" when the file is sound).</summary>
    public static string IntegrityCheck(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

/// <summary>A backup that was not written, with the French reason shown to the operator.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
