using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Coaching.Tests.Support;

/// <summary>Keeps the app's warnings and errors in memory instead of printing them, so that a failing test can show them.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => _entries.ToList();

    /// <summary>Errors logged since <paramref name="mark"/> (a count taken from <see cref="Count"/>).</summary>
    public IEnumerable<string> Since(int mark) => _entries.Skip(mark);

    public int Count => _entries.Count;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>The exception and its first frames: enough to find an intermittent failure from a CI log alone.</summary>
    private static string Describe(Exception exception)
    {
        var frames = (exception.StackTrace ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(8);
        return $"{exception.GetType().Name}: {exception.Message} | {string.Join(" | ", frames)}";
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            log._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " — " + Describe(exception))}");
        }
    }
}
