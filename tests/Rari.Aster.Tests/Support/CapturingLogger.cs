using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Rari.Aster.Tests.Support;

/// <summary>One captured log entry: level, formatted text and every structured value as text.</summary>
internal sealed record CapturedLog(LogLevel Level, string Category, EventId EventId, string Message, IReadOnlyList<string> Values, string? Exception)
{
    /// <summary>Everything the entry would expose to a sink.</summary>
    public string AllText => string.Join("\n", [Message, .. Values, Exception ?? string.Empty]);
}

/// <summary>A logger factory that keeps every entry at every level, for assertions.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => $"{p.Key}={p.Value}").ToArray()
                : [];
            entries.Enqueue(new CapturedLog(logLevel, category, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
