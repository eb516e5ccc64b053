using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Rari.Dashboard.Tests.Support;

/// <summary>An ILogger that keeps every line, for specs that check what was logged.</summary>
internal sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception)));
}

/// <summary>Loggers that drop everything.</summary>
internal static class Log
{
    public static ILogger Null => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
