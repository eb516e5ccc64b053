namespace Rari.Dashboard.Alerts;

/// <summary>What an alert is about.</summary>
public enum AlertKind : byte
{
    /// <summary>Trading was halted or put into reducing, globally or for a symbol.</summary>
    Halt = 1,

    /// <summary>A halt or reducing state was lifted.</summary>
    Resume = 2,

    /// <summary>A circuit breaker tripped.</summary>
    Breaker = 3,

    /// <summary>A fill at or above the configured notional.</summary>
    LargeFill = 4,

    /// <summary>The summary of a UTC day.</summary>
    DailySummary = 5,
}

/// <summary>One alert to deliver to every configured webhook.</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Title">A short headline, e.g. "Trading halted: all symbols".</param>
/// <param name="Text">The facts, with their numbers.</param>
/// <param name="Symbol">The symbol concerned, or null for the whole trader.</param>
/// <param name="TimestampMs">When it happened (exchange time for trading facts, wall clock for summaries), UTC epoch ms.</param>
public sealed record Alert(AlertKind Kind, string Title, string Text, string? Symbol, long TimestampMs);
