using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Coaching.Tests.Features.Errors;

/// <summary>Keeps every log entry with the properties of its scopes, as a structured console formatter would write them.</summary>
public sealed class ScopedLog : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception, IReadOnlyDictionary<string, string?> Scope);

    private sealed class Logger(ScopedLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, string?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope((value, properties) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, item) in pairs) properties[key] = item?.ToString();
            }, scope);
            owner._entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception, scope));
        }
    }
}
