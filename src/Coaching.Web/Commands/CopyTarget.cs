using Npgsql;
using static Coaching.Web.Commands.TableCopier;

namespace Coaching.Web.Commands;

/// <summary>What the copy asks of the PostgreSQL database: its tables, their rows, foreign keys and sequences.</summary>
public static class CopyTarget
{
    public const string MigrationsHistory = "__EFMigrationsHistory";

    /// <summary>The tables of the target outside PostgreSQL's own schemas ("schema.table" unless in public).</summary>
    public static async Task<List<string>> TablesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' " +
            "AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg_toast%' ORDER BY 1, 2", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            tables.Add(reader.GetString(0) == "public" ? reader.GetString(1) : reader.GetString(0) + "." + reader.GetString(1));
        return tables;
    }

    /// <summary>Opens the target; null when it is open, otherwise why it cannot be reached, in French and English.</summary>
    public static async Task<string?> OpenAsync(NpgsqlConnection connection, NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken);
            return null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return $"La base cible « {target.Database} » n'existe pas sur {target.Host} : créez-la vide d'abord " +
                   $"(par exemple `createdb -O {target.Username} {target.Database}`). / The target database does not exist: create it empty first.";
        }
        catch (NpgsqlException e)
        {
            return $"Connexion impossible à la base cible {target.Host}/{target.Database} / cannot connect to the target : {e.Message}";
        }
    }

    /// <summary>
    /// Null when the copy may go on; otherwise why not, in French and English. Refused: a table this app does not create
    /// (another application's database), or any row in any of its tables (an empty, migrated database is fine).
    /// </summary>
    public static async Task<string?> RefusalAsync(NpgsqlConnection connection, ISet<string> appTables, CancellationToken cancellationToken)
    {
        var tables = await TablesAsync(connection, cancellationToken);
        var foreign = tables.Where(t => !appTables.Contains(t) && t != MigrationsHistory).ToList();
        if (foreign.Count > 0)
            return $"La base cible contient des tables qui ne sont pas celles de Coaching ({string.Join(", ", foreign.Take(5))}{(foreign.Count > 5 ? ", …" : "")}) : choisissez une base vide. " +
                "/ The target database holds tables that are not Coaching's: use an empty database.";
        foreach (var table in tables.Where(t => t != MigrationsHistory))
        {
            if (await HasRowsAsync(connection, table, cancellationToken))
                return $"La base cible n'est pas vide (table {table}) : la copie ne remplace pas des données existantes. " +
                    "/ The target database is not empty: the copy never overwrites existing data.";
        }
        return null;
    }

    public static async Task<bool> HasRowsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {QualifiedName(table)})", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public static async Task<long> CountAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM {QualifiedName(table)}", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Drops the foreign keys of the public schema and returns the statements that put them back. Tables that point at
    /// each other (accounts ↔ case files) cannot be filled in any order with the keys in place; restoring them at the
    /// end checks every copied row at once.
    /// </summary>
    public static async Task<List<string>> DropForeignKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var restore = new List<(string Table, string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c " +
            "JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) restore.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (table, name, _) in restore)
            await ExecuteAsync(connection, transaction, $"ALTER TABLE {table} DROP CONSTRAINT {Quote(name)}", cancellationToken);
        return restore.Select(fk => $"ALTER TABLE {fk.Table} ADD CONSTRAINT {Quote(fk.Name)} {fk.Definition}").ToList();
    }

    /// <summary>Moves every identity / serial sequence past the largest copied key, so that the next insert gets a new id.</summary>
    public static async Task ResetSequencesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<CopyTable> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            foreach (var column in table.Columns)
            {
                await using var find = new NpgsqlCommand("SELECT pg_get_serial_sequence(@table, @column)", connection, transaction);
                find.Parameters.AddWithValue("table", Quote(table.Name));
                find.Parameters.AddWithValue("column", column.Name);
                if (await find.ExecuteScalarAsync(cancellationToken) is not string sequence) continue;
                await using var reset = new NpgsqlCommand(
                    $"SELECT setval(@sequence, COALESCE(MAX({Quote(column.Name)}), 0) + 1, false) FROM {Quote(table.Name)}", connection, transaction);
                reset.Parameters.AddWithValue("sequence", sequence);
                await reset.ExecuteScalarAsync(cancellationToken);
            }
        }
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string QualifiedName(string table) =>
        table.Split('.') is [var schema, var name] ? Quote(schema) + "." + Quote(name) : Quote(table);
}
