using Npgsql;

namespace Coaching.Benchmarks.Load;

/// <summary>
/// A fresh PostgreSQL database for one load run, cloned from a template database that `copy-database` filled once
/// (CREATE DATABASE … TEMPLATE copies the files: seconds, where copying the rows again would take minutes). Dropped
/// when the run ends.
/// </summary>
public sealed class PostgresRunDatabase : IAsyncDisposable
{
    private readonly string _server;

    private PostgresRunDatabase(string server, string name, string connectionString)
    {
        _server = server;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<PostgresRunDatabase> CloneAsync(string templateConnectionString)
    {
        var template = new NpgsqlConnectionStringBuilder(templateConnectionString);
        var name = "coaching_loadrun_" + Guid.NewGuid().ToString("N")[..8];
        var server = new NpgsqlConnectionStringBuilder(templateConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template.Database}\"");
        return new PostgresRunDatabase(server, name, new NpgsqlConnectionStringBuilder(templateConnectionString) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
