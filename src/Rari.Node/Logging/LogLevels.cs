using Serilog.Events;

namespace Rari.Node.Logging;

/// <summary>Reads the LOG_LEVEL environment variable into a Serilog level.</summary>
public static class LogLevels
{
    /// <summary>The environment variable that sets the level of every log (ours and Akka's).</summary>
    public const string Variable = "LOG_LEVEL";

    /// <summary>
    /// The level named by <paramref name="text"/> (case-insensitive: debug, info/information, warn/warning, error; also
    /// Serilog's own names); Information when empty.
    /// </summary>
    /// <exception cref="ArgumentException">The text names no level; the message lists the accepted ones.</exception>
    public static LogEventLevel Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" => LogEventLevel.Information,
        "VERBOSE" or "TRACE" => LogEventLevel.Verbose,
        "DEBUG" => LogEventLevel.Debug,
        "INFO" or "INFORMATION" => LogEventLevel.Information,
        "WARN" or "WARNING" => LogEventLevel.Warning,
        "ERROR" => LogEventLevel.Error,
        "FATAL" or "CRITICAL" => LogEventLevel.Fatal,
        _ => throw new ArgumentException(
            $"{Variable}={text} is not a log level; use one of debug, info, warning, error (or unset it for info).", nameof(text)),
    };

    /// <summary>The matching <c>akka.loglevel</c> value, so Akka does not even produce events Serilog would drop.</summary>
    public static string ToAkka(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose or LogEventLevel.Debug => "DEBUG",
        LogEventLevel.Information => "INFO",
        LogEventLevel.Warning => "WARNING",
        _ => "ERROR",
    };

    /// <summary>The matching Akka log level, for Akka.Hosting's logger setup.</summary>
    public static Akka.Event.LogLevel ToAkkaLevel(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose or LogEventLevel.Debug => Akka.Event.LogLevel.DebugLevel,
        LogEventLevel.Information => Akka.Event.LogLevel.InfoLevel,
        LogEventLevel.Warning => Akka.Event.LogLevel.WarningLevel,
        _ => Akka.Event.LogLevel.ErrorLevel,
    };
}
