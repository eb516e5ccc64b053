using Microsoft.Extensions.Logging;

namespace Rari.Aster.Streams;

/// <summary>
/// The streams' log messages. Raw message text appears only for messages that were skipped, truncated; URLs are
/// logged without their path, which for the user stream holds the listenKey.
/// </summary>
internal static partial class StreamLog
{
    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Aster {Stream} stream: connection {Connection} open to {Host} ({Reason})")]
    public static partial void Connected(ILogger logger, string stream, int connection, string host, StreamConnectReason reason);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Aster {Stream} stream: connection {Connection} lost ({Reason}); reconnecting in {DelayMs} ms")]
    public static partial void Lost(ILogger logger, string stream, int connection, string reason, long delayMs);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Aster {Stream} stream: connection attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void ConnectFailed(ILogger logger, string stream, int attempt, string reason, long delayMs);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "Aster {Stream} stream: skipped a message ({Reason}): {Text}")]
    public static partial void Skipped(ILogger logger, string stream, string reason, string text);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Information, Message = "Aster {Stream} stream: planned switch from connection {Old} to {New} after {AgeMinutes:F1} min")]
    public static partial void Switched(ILogger logger, string stream, int old, int @new, double ageMinutes);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "Aster {Stream} stream: planned switch abandoned ({Reason}); connection {Connection} stays, next try in {DelayMs} ms")]
    public static partial void SwitchAbandoned(ILogger logger, string stream, string reason, int connection, long delayMs);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "Aster {Stream} stream: the venue says code {Code}: {VenueMessage}")]
    public static partial void VenueNotice(ILogger logger, string stream, int? code, string? venueMessage);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Warning, Message = "Aster market stream: {Streams} silent since {SinceMs}")]
    public static partial void Silent(ILogger logger, string streams, long sinceMs);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Error, Message = "Aster market stream: the venue refused to subscribe {Streams} again ({Reason}); they are dropped")]
    public static partial void Dropped(ILogger logger, string streams, string reason);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Warning, Message = "Aster {Stream} stream: reconnecting ({Reason})")]
    public static partial void Reconnecting(ILogger logger, string stream, string reason);

    /// <summary>At most <paramref name="maxChars"/> characters of a message, marked when cut.</summary>
    public static string Truncate(string text, int maxChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, maxChars), $"… ({text.Length} chars)");
}
