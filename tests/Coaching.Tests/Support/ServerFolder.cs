namespace Coaching.Tests.Support;

/// <summary>
/// What the tests that start real app processes (<see cref="ServerProcess"/>) share: a temporary data folder, the
/// PostgreSQL database when the suite runs on PostgreSQL, one HOME per process (so that the only key ring processes can
/// share is the database's), and their removal afterwards.
/// </summary>
public sealed class ServerFolder : IDisposable
{
    public ServerFolder(string prefix, Func<string>? createPostgres = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
        Postgres = TestProvider.IsPostgres ? (createPostgres ?? (() => PostgresTestDatabases.Create()))() : null;
    }

    public string Path { get; }

    /// <summary>The connection string of the PostgreSQL database; null on SQLite (the database is a file of the folder).</summary>
    public string? Postgres { get; }

    /// <summary>The environment of one process: its own HOME, and the PostgreSQL settings when the suite runs on it.</summary>
    public Dictionary<string, string> Environment(string processName)
    {
        var home = System.IO.Path.Combine(Path, "home-" + processName);
        Directory.CreateDirectory(home);
        var environment = new Dictionary<string, string> { ["HOME"] = home };
        if (Postgres is null) return environment;
        environment["Database__Provider"] = "Postgres";
        environment["ConnectionStrings__Coaching"] = Postgres;
        return environment;
    }

    public void Dispose()
    {
        if (Postgres is not null) PostgresTestDatabases.Drop(Postgres);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
