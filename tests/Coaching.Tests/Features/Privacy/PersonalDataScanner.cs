using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Coaching.Tests.Support;

namespace Coaching.Tests.Features.Privacy;

/// <summary>Looks for values in every column of every table of the app's database, then (SQLite) in the raw bytes of its files.</summary>
internal static class PersonalDataScanner
{
    /// <summary>
    /// "table.column: value" for each cell (cast to text) of every column of every table of the app's database
    /// (SQLite or PostgreSQL) containing one of <paramref name="needles"/>, ignoring case.
    /// </summary>
    public static async Task<List<string>> FindInTablesAsync(CoachingAppFactory app, IReadOnlyList<string> needles)
    {
        var found = new List<string>();
        var connectionString = await app.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        await using DbConnection connection = TestProvider.IsPostgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = TestProvider.IsPostgres
                ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
                : "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' ORDER BY m.name, c.cid";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add((reader.GetString(0), reader.GetString(1)));
        }
        Assert.NotEmpty(columns);
        foreach (var (table, column) in columns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = TestProvider.IsPostgres
                ? $"SELECT \"{column}\"::text FROM \"{table}\" WHERE \"{column}\" IS NOT NULL"
                : $"SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var value = reader.GetString(0);
                if (needles.Any(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)))
                    found.Add($"{table}.{column}: {(value.Length > 200 ? value[..200] : value)}");
            }
        }
        return found;
    }

    /// <summary>Checkpoints the WAL into the database file, then searches the files' bytes in UTF-8 and UTF-16 (both byte orders).</summary>
    public static async Task<List<string>> FindInFilesAsync(string databasePath, IReadOnlyList<string> needles)
    {
        await using (var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
        }
        var found = new List<string>();
        foreach (var path in new[] { databasePath, databasePath + "-wal", databasePath + "-journal" }.Where(File.Exists))
        {
            byte[] bytes;
            await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                bytes = new byte[file.Length];
                await file.ReadExactlyAsync(bytes);
            }
            foreach (var needle in needles.SelectMany(n => new[] { n, n.ToLowerInvariant(), n.ToUpperInvariant() }).Distinct())
            {
                foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode, Encoding.BigEndianUnicode })
                {
                    if (bytes.AsSpan().IndexOf(encoding.GetBytes(needle)) >= 0)
                        found.Add($"{Path.GetFileName(path)} holds « {needle} » in {encoding.EncodingName}");
                }
            }
        }
        return found;
    }
}
