using System.Collections.Concurrent;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Coaching.Benchmarks.Load;

/// <summary>
/// The real app in Production, served by Kestrel on a free loopback port, on a fresh copy of a generated database (so
/// that every run starts from the same data). Keeps the app's error log entries.
/// </summary>
public sealed class LoadApp : LoopbackApp
{
    private readonly string _databaseFile;

    public LoadApp(string sourceDatabase) : base("coaching-loadrun-")
    {
        _databaseFile = Path.Combine(DataFolder, "coaching.db");
        DatabaseBackup.Create($"Data Source={sourceDatabase}", _databaseFile, overwrite: false);
    }

    public ErrorLog Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        UseLoadDefaults(builder, _databaseFile);
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
