using System.Globalization;

namespace Rari.Aster.RateLimits;

/// <summary>
/// One limit the venue enforces: at most <see cref="Limit"/> units of <see cref="Type"/> per fixed window of
/// <see cref="IntervalMs"/> (exchangeInfo <c>rateLimits</c>: <c>{rateLimitType, interval, intervalNum, limit}</c>).
/// </summary>
/// <param name="Type">What is counted.</param>
/// <param name="IntervalMs">The window length in milliseconds, e.g. 60000 for <c>MINUTE</c> × 1.</param>
/// <param name="Limit">The most units allowed per window.</param>
public sealed record RateLimitRule(RateLimitType Type, long IntervalMs, int Limit)
{
    /// <summary>The limits the docs give (2400 weight and 1200 orders per minute), used until exchangeInfo is loaded.</summary>
    public static IReadOnlyList<RateLimitRule> Defaults { get; } =
    [
        new(RateLimitType.RequestWeight, 60_000, 2400),
        new(RateLimitType.Orders, 60_000, 1200),
    ];

    /// <summary>The length of one <c>interval</c> unit (SECOND, MINUTE, HOUR, DAY) in ms, or null for an unknown unit.</summary>
    public static long? UnitMs(string? interval) => interval?.ToUpperInvariant() switch
    {
        "SECOND" => 1_000,
        "MINUTE" => 60_000,
        "HOUR" => 3_600_000,
        "DAY" => 86_400_000,
        _ => null,
    };

    /// <summary>The length of a header interval letter (<c>S</c>, <c>M</c>, <c>H</c>, <c>D</c>) in ms, or null.</summary>
    public static long? LetterMs(char letter) => char.ToUpperInvariant(letter) switch
    {
        'S' => 1_000,
        'M' => 60_000,
        'H' => 3_600_000,
        'D' => 86_400_000,
        _ => null,
    };

    /// <summary>Reads the <c>rateLimitType</c> text.</summary>
    public static RateLimitType ParseType(string? text) => text?.ToUpperInvariant() switch
    {
        "REQUEST_WEIGHT" => RateLimitType.RequestWeight,
        "ORDERS" => RateLimitType.Orders,
        "RAW_REQUESTS" or "RAW_REQUEST" => RateLimitType.RawRequests,
        _ => RateLimitType.Unknown,
    };

    /// <summary>The rule as the venue writes it, e.g. <c>REQUEST_WEIGHT 2400/60000ms</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Type} {Limit}/{IntervalMs}ms");
}
