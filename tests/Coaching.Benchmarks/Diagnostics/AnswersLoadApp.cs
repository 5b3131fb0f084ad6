using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Coaching.Web.Hosting;

namespace Coaching.Benchmarks.Diagnostics;

/// <summary>
/// The real app served by Kestrel on a free loopback port, on a throwaway SQLite file seeded with the demo club
/// (environment "Testing": the production pipeline). Counts the app's log entries that mention a locked database.
/// </summary>
public sealed class AnswersLoadApp() : LoopbackApp("coaching-load-")
{
    public LockedLog Locked { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        UseLoadDefaults(builder, Path.Combine(DataFolder, "coaching-load.db"));
        builder.UseSetting("Coaching:SeedDemoData", "true");
        // The lock counter also sees the app's retries, logged as information; the console only gets warnings.
        builder.ConfigureLogging(logging => logging.AddProvider(Locked).AddFilter<LockedLog>("Coaching", LogLevel.Information));
    }
}

/// <summary>Counts the log entries (message or exception) that mention « database is locked » or « database table is locked ».</summary>
public sealed class LockedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public int Count => _entries.Count;

    public IReadOnlyList<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private static bool MentionsLock(string? text) =>
        text is not null && (text.Contains("database is locked", StringComparison.OrdinalIgnoreCase)
            || text.Contains("database table is locked", StringComparison.OrdinalIgnoreCase)
            || text.Contains("SQLite Error 5", StringComparison.OrdinalIgnoreCase)
            || text.Contains("SQLite Error 6", StringComparison.OrdinalIgnoreCase));

    private sealed class Logger(LockedLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (MentionsLock(message) || MentionsLock(exception?.ToString()))
                owner._entries.Enqueue($"{logLevel} {category}: {message.Split('\n')[0]}");
        }
    }
}
