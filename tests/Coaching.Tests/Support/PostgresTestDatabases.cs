using Coaching.Core.Data;
using Coaching.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coaching.Tests.Support;

/// <summary>
/// One fresh PostgreSQL database per test app. The migrations run once per test run, into a template database; each
/// app then gets <c>CREATE DATABASE … TEMPLATE</c> (a copy of the files: much faster than migrating) and drops it
/// when disposed. The template is dropped when the test process exits.
/// </summary>
public static class PostgresTestDatabases
{
    private const string ObjectInUse = "55006";
    // DROP … WITH (FORCE) cannot end a backend of another role, e.g. an autovacuum worker that just started there.
    private const string InsufficientPrivilege = "42501";
    private static readonly Lazy<string> Template = new(CreateTemplate);

    /// <summary>The connection string of a new, migrated and empty database.</summary>
    public static string Create()
    {
        var name = "coaching_test_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{Template.Value}\"");
        return ConnectionStringFor(name, pooling: true);
    }

    /// <summary>The connection string of a new database with nothing in it (not even the migrations).</summary>
    public static string CreateEmpty(string prefix)
    {
        var name = prefix + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\"");
        return ConnectionStringFor(name, pooling: false);
    }

    public static void Drop(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string CreateTemplate()
    {
        var name = "coaching_template_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE DATABASE \"{name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        var options = new DbContextOptionsBuilder<CoachingDbContext>()
            .UseNpgsql(ConnectionStringFor(name, pooling: false), postgres => postgres.MigrationsAssembly(DataServices.PostgresMigrationsAssembly))
            .Options;
        using (var db = new CoachingDbContext(options)) db.Database.Migrate();
        return name;
    }

    // A test database is thrown away: its commits need not wait for the disk (the demo seeding commits a lot).
    private static string ConnectionStringFor(string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder(Server) { Database = database, Pooling = pooling, Options = "-c synchronous_commit=off" }.ConnectionString;

    private static string Server => PostgresFactAttribute.ConnectionString ?? throw new InvalidOperationException(
        $"The tests run on PostgreSQL but {PostgresFactAttribute.Variable} is not set: give it an Npgsql connection string " +
        "for a role that may create databases (`sudo bash .ci/start-postgres` prints one).");

    /// <summary>Runs one statement on the server's maintenance database, retrying while a database is still in use.</summary>
    private static void Execute(string sql)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString);
                connection.Open();
                using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
                command.ExecuteNonQuery();
                return;
            }
            catch (PostgresException error) when (error.SqlState is ObjectInUse or InsufficientPrivilege && attempt < 40)
            {
                Thread.Sleep(250);
            }
        }
    }
}
