using Microsoft.Extensions.Logging;
using Rari.Aster.Errors;

namespace Rari.Aster.Rest;

/// <summary>
/// The transport's log messages. Structured, and deliberately narrow: method, path, weight, status, latency, error
/// code and text. Never parameters, payloads, headers, signatures or credentials.
/// </summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug,
        Message = "Aster {Method} {Path} weight {Weight}: HTTP {Status} in {LatencyMs} ms (attempt {Attempt})")]
    public static partial void Completed(ILogger logger, string method, string path, int weight, int status, long latencyMs, int attempt);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Aster {Method} {Path} failed ({Category}): HTTP {Status}, code {Code}: {VenueMessage}")]
    public static partial void Failed(ILogger logger, string method, string path, AsterErrorCategory category, int? status, int? code, string? venueMessage);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information,
        Message = "Retrying Aster {Method} {Path} in {DelayMs} ms after {Category} (attempt {Attempt} of {MaxAttempts})")]
    public static partial void Retrying(ILogger logger, string method, string path, long delayMs, AsterErrorCategory category, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information,
        Message = "Aster server clock offset {OffsetMs} ms (round trip {RoundTripMs} ms, best of {Samples})")]
    public static partial void ClockMeasured(ILogger logger, long offsetMs, long roundTripMs, int samples);
}
