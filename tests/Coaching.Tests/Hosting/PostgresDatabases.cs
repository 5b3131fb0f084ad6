using Npgsql;
using Coaching.Tests.Support;

namespace Coaching.Tests.Hosting;

/// <summary>Uniquely named PostgreSQL databases for one test class, dropped at the end.</summary>
public sealed class PostgresDatabases : IAsyncDisposable
{
    private readonly List<string> _created = [];

    public Task<string> CreateAsync()
    {
        var connectionString = PostgresTestDatabases.CreateEmpty("coaching_copy_");
        _created.Add(connectionString);
        return Task.FromResult(connectionString);
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var connectionString in _created) PostgresTestDatabases.Drop(connectionString);
        return ValueTask.CompletedTask;
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
