using System.Collections.Concurrent;
using Coaching.Web.Commands;
using Coaching.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Coaching.Benchmarks.Load;

/// <summary>
/// The real app in Production, served by Kestrel on a free loopback port, either on a fresh copy of a generated SQLite
/// database (so that every run starts from the same data) or on a PostgreSQL database prepared by the scenario. Keeps
/// the app's error log entries.
/// </summary>
public sealed class LoadApp : LoopbackApp
{
    private readonly string _connectionString;
    private readonly bool _postgres;

    private LoadApp(string connectionString, bool postgres) : base("coaching-loadrun-")
    {
        _connectionString = connectionString;
        _postgres = postgres;
    }

    public static LoadApp OnSqliteCopyOf(string sourceDatabase)
    {
        var copy = Path.Combine(Path.GetTempPath(), "coaching-loadrun-" + Guid.NewGuid().ToString("N")[..12] + ".db");
        DatabaseBackup.Create($"Data Source={sourceDatabase}", copy, overwrite: false);
        return new LoadApp("", postgres: false) { DatabaseFile = copy, OwnsDatabaseFile = true };
    }

    /// <summary>Another instance on the same SQLite file as <paramref name="first"/>.</summary>
    public static LoadApp OnSameFileAs(LoadApp first) => new("", postgres: false) { DatabaseFile = first.DatabaseFile };

    public static LoadApp OnPostgres(string connectionString) => new(connectionString, postgres: true);

    private string DatabaseFile { get; init; } = "";

    private bool OwnsDatabaseFile { get; init; }

    public ErrorLog Errors { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!OwnsDatabaseFile) return;
        foreach (var file in new[] { DatabaseFile, DatabaseFile + "-wal", DatabaseFile + "-shm" })
            File.Delete(file);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        UseLoadDefaults(builder, DatabaseFile);
        if (_postgres)
        {
            builder.UseSetting(DataServices.ProviderSetting, "Postgres");
            builder.UseSetting("ConnectionStrings:Coaching", _connectionString);
        }
        builder.UseSetting("Coaching:SeedDemoData", "false");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
    }
}

/// <summary>The app's log entries at Error level or above (an unhandled exception, a failed save…).</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                owner._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception).Split('\n')[0]} {exception?.GetType().Name}: {exception?.Message}");
        }
    }
}
