using System.Text;
using Microsoft.Data.Sqlite;

namespace Coaching.Tests.Features.Privacy;

/// <summary>Looks for values in every column of every table of a SQLite database, then in the raw bytes of its files.</summary>
internal static class PersonalDataScanner
{
    /// <summary>"table.column: value" for each cell (cast to text) containing one of <paramref name="needles"/>, ignoring case.</summary>
    public static async Task<List<string>> FindInTablesAsync(string databasePath, IReadOnlyList<string> needles)
    {
        var found = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            var columns = new List<string>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT name FROM pragma_table_info($table)";
                command.Parameters.AddWithValue("$table", table);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
            }
            foreach (var column in columns)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT CAST(\"{column}\" AS TEXT) FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var value = reader.GetString(0);
                    if (needles.Any(n => value.Contains(n, StringComparison.OrdinalIgnoreCase)))
                        found.Add($"{table}.{column}: {(value.Length > 200 ? value[..200] : value)}");
                }
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
