using Coaching.Tests.Infrastructure;
using Npgsql;

namespace Coaching.Tests.Instances;

/// <summary>Uniquely named PostgreSQL databases for one test class, dropped at the end.</summary>
public sealed class PostgresDatabases : IAsyncDisposable
{
    private readonly List<string> _created = [];

    public async Task<string> CreateAsync()
    {
        var name = "coaching_copy_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        _created.Add(name);
        return new NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var name in _created) await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
