using Microsoft.Extensions.Logging;

namespace Rari.Aster.RateLimits;

/// <summary>The budget's log messages (structured; no request parameters).</summary>
internal static partial class RateLimitLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Rate-limit budget: holding a request of weight {Weight} for {DelayMs} ms ({Reason})")]
    public static partial void Delaying(ILogger logger, int weight, long delayMs, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "Aster answered 429 (rate limit): every request waits {BackoffMs} ms, until {BlockedUntilMs}")]
    public static partial void BackingOff(ILogger logger, long backoffMs, long blockedUntilMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Critical,
        Message = "Aster has BANNED this IP (HTTP 418) until {BannedUntilMs} ({BanMs} ms): no request is sent until then")]
    public static partial void Banned(ILogger logger, long bannedUntilMs, long banMs);
}
