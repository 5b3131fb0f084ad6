using System.Diagnostics;
using System.Globalization;
using Coaching.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Coaching.Web.Hosting;

namespace Coaching.Web.Commands;

/// <summary>
/// `copy-database --to "NPGSQL CONNECTION STRING"`: moves the configured SQLite database (every row of every table of
/// the model: case files, accounts, Data Protection keys, audit trail, logo, job leases…) into an empty PostgreSQL
/// database, which it migrates first; then rebuilds the report facts there and compares the row counts table by table.
/// Exit codes: 0 copied and equal, 1 refused or different, 2 usage.
/// </summary>
public static class DatabaseCopyCommand
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args is not ["--to", var targetConnectionString] || targetConnectionString.StartsWith("--", StringComparison.Ordinal))
        {
            await error.WriteLineAsync("Usage : copy-database --to \"Host=…;Database=…;Username=…;Password=…\"");
            return 2;
        }
        var source = services.GetRequiredService<CoachingDbContext>();
        if (!source.Database.IsSqlite())
        {
            await error.WriteLineAsync("copy-database copie la base SQLite configurée : lancez-la avec Database:Provider=Sqlite. / copy-database copies from the configured SQLite database.");
            return 2;
        }
        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(targetConnectionString);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"Chaîne de connexion PostgreSQL invalide / invalid PostgreSQL connection string : {e.Message}");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        await DatabaseSetup.MigrateAsync(services);
        var sqlite = (SqliteConnection)source.Database.GetDbConnection();
        await sqlite.OpenAsync(cancellationToken);
        var sourceModel = source.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var rawTables = await SourceRawTablesAsync(sqlite, sourceModel, cancellationToken);

        await using var targetDb = TargetContext(target.ConnectionString);
        var tables = CopyTables.InForeignKeyOrder(sourceModel, targetDb.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        await using var connection = new NpgsqlConnection(target.ConnectionString);
        if (await CopyTarget.OpenAsync(connection, target, cancellationToken) is { } unreachable)
        {
            await error.WriteLineAsync(unreachable);
            return 1;
        }

        var appTables = new HashSet<string>(tables.Select(t => t.Name).Concat(rawTables), StringComparer.OrdinalIgnoreCase);
        if (await CopyTarget.RefusalAsync(connection, appTables, cancellationToken) is { } refusal)
        {
            await error.WriteLineAsync(refusal);
            return 1;
        }

        await output.WriteLineAsync($"Migration de la base cible / migrating the target ({target.Host}/{target.Database})…");
        await targetDb.Database.MigrateAsync(cancellationToken);

        // One read transaction on SQLite: every table is read as of the same commit, even while the app keeps writing.
        await using var snapshot = sqlite.BeginTransaction(deferred: true);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            var restoreForeignKeys = await CopyTarget.DropForeignKeysAsync(connection, transaction, cancellationToken);
            foreach (var table in tables)
            {
                var tableWatch = Stopwatch.StartNew();
                var rows = await TableCopier.CopyAsync(snapshot, connection, table,
                    copied => output.WriteLine(string.Create(French, $"  {table.Name} : {copied:N0} lignes / rows…")), cancellationToken);
                await output.WriteLineAsync(string.Create(French, $"  {table.Name} : {rows:N0} lignes / rows ({tableWatch.Elapsed.TotalSeconds:0.0} s)"));
            }
            await output.WriteLineAsync("Vérification des clés étrangères / checking the foreign keys…");
            foreach (var statement in restoreForeignKeys) await CopyTarget.ExecuteAsync(connection, transaction, statement, cancellationToken);
            await CopyTarget.ResetSequencesAsync(connection, transaction, tables, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // The planner's statistics before the rebuild: on tables just filled by COPY, autovacuum has not analysed them yet,
        // and without statistics the rebuild of a 10,000-merchant club took 290 s instead of 9 s.
        await output.WriteLineAsync("Statistiques de la base cible / analysing the target…");
        await CopyTarget.ExecuteAsync(connection, null, "ANALYZE", cancellationToken);
        // The report facts are raw SQL tables, not in the model: rebuilt from the copied rows as `rebuild-report-facts`
        // does, then counted like the copied tables (same rows on both sides when both rebuilds agree).
        await Coaching.Core.Reports.ReportFactsSync.RebuildAsync(targetDb, cancellationToken);
        await output.WriteLineAsync("Données des rapports reconstruites / report facts rebuilt.");
        var differences = await CompareCountsAsync(snapshot, connection, tables.Select(t => t.Name).Concat(Coaching.Core.Reports.ReportFactsSql.Tables), output, cancellationToken);
        await snapshot.CommitAsync(cancellationToken);

        if (differences > 0)
        {
            await error.WriteLineAsync($"{differences} table(s) diffèrent entre la source et la cible. / {differences} table(s) differ between source and target.");
            return 1;
        }
        await output.WriteLineAsync(string.Create(French,
            $"Copie terminée et vérifiée en {watch.Elapsed.TotalSeconds:0.0} s. / Copy finished and checked in {watch.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }

    public static CoachingDbContext TargetContext(string connectionString) =>
        new(new DbContextOptionsBuilder<CoachingDbContext>()
            .UseNpgsql(connectionString, postgres => postgres.MigrationsAssembly(DataServices.PostgresMigrationsAssembly))
            .Options);

    /// <summary>The SQLite tables outside the model (the report facts), skipping SQLite's own and EF's history.</summary>
    private static async Task<List<string>> SourceRawTablesAsync(SqliteConnection sqlite, IRelationalModel model, CancellationToken cancellationToken)
    {
        await using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (name != CopyTarget.MigrationsHistory && model.FindTable(name, null) is null) tables.Add(name);
        }
        return tables;
    }

    private static async Task<int> CompareCountsAsync(SqliteTransaction snapshot, NpgsqlConnection target, IEnumerable<string> tables, TextWriter output, CancellationToken cancellationToken)
    {
        var targetTables = await CopyTarget.TablesAsync(target, cancellationToken);
        await output.WriteLineAsync("Table | source | cible / target");
        var differences = 0;
        foreach (var table in tables)
        {
            await using var count = snapshot.Connection!.CreateCommand();
            count.Transaction = snapshot;
            count.CommandText = $"SELECT COUNT(*) FROM {TableCopier.Quote(table)}";
            var sourceRows = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            var targetName = targetTables.Find(t => string.Equals(t, table, StringComparison.OrdinalIgnoreCase));
            long? targetRows = targetName is null ? null : await CopyTarget.CountAsync(target, targetName, cancellationToken);
            var same = sourceRows == targetRows;
            if (!same) differences++;
            await output.WriteLineAsync(string.Create(French,
                $"{table} | {sourceRows:N0} | {(targetRows is { } n ? n.ToString("N0", French) : "absente / missing")}{(same ? "" : "  ← différence / mismatch")}"));
        }
        return differences;
    }
}
