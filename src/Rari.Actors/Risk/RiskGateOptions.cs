namespace Rari.Actors.Risk;

/// <summary>
/// How the risk gate runs (not what it allows: the limits are the Domain's <c>RiskSettings</c>). Engineering values
/// with defaults that suit every mode; tests shorten the time check.
/// </summary>
public sealed record RiskGateOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static RiskGateOptions Default { get; } = new();

    /// <summary>
    /// Journaled events between snapshots of the risk state, at least 1. Default 100: the gate journals a handful of
    /// events a day (day starts, peaks, halts), so recovery replays little either way.
    /// </summary>
    public int SnapshotEvery { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(SnapshotEvery), value, "Snapshot at least every event."); } = 100;

    /// <summary>
    /// Wall-clock interval of the timer that lets time-bound protections (circuit-breaker cool-downs, the UTC day) act
    /// on the latest exchange time even when no input asks for a decision. Default 1 second.
    /// </summary>
    public TimeSpan TimeCheckInterval { get; init => field = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(TimeCheckInterval), value, "The time check needs a positive interval."); } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How old (exchange time, against the gate's latest exchange time) an order book may be and still be used by the
    /// depth and slippage rules; an older one is ignored and the verdict says depth was not checked. Default 30 s.
    /// </summary>
    public TimeSpan BookMaxAge { get; init => field = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(BookMaxAge), value, "A book needs a positive maximum age."); } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Number of common bars over which the return correlation of two symbols is measured, at least 2. Default 240
    /// (four hours of one-minute bars): long enough to be stable, short enough to notice a regime change the same day.
    /// </summary>
    public int CorrelationWindow { get; init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(CorrelationWindow), value, "A correlation needs at least 2 pairs."); } = 240;
}
