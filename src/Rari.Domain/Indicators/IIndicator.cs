using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>
/// An incremental statistic over a stream of bars or values: each update costs O(1) and allocates nothing.
/// </summary>
/// <remarks>
/// Shared conventions of every indicator in this namespace:
/// <list type="bullet">
/// <item>Values are <see cref="double"/>, not <see cref="decimal"/>: indicators are statistics, not money. Doubles keep
/// the per-bar cost to a few nanoseconds and give us <see cref="Math.Log(double)"/> and <see cref="Math.Sqrt"/>; their
/// results only feed decisions (sizes, spacings) that are converted back to decimal and rounded to the exchange's
/// filters afterwards, so the last bits of a double never reach an order.</item>
/// <item>Values read <see cref="double.NaN"/> until <see cref="IsReady"/> is true, so a forgotten readiness check shows
/// up instead of silently trading on a zero.</item>
/// <item>Indicators count bars, not time: a gap in the feed is simply the next bar.</item>
/// <item>An instance is not thread-safe: one owner (an actor, a backtest loop) updates and reads it.</item>
/// </list>
/// </remarks>
public interface IIndicator
{
    /// <summary>True once enough data has arrived for the values to be defined (the warm-up is over).</summary>
    bool IsReady { get; }

    /// <summary>Number of updates taken since construction or the last <see cref="Reset"/>.</summary>
    long Count { get; }

    /// <summary>Forgets all data, returning to the freshly constructed state without allocating.</summary>
    void Reset();
}

/// <summary>An indicator fed one number per step (a close, a return, a spread).</summary>
public interface ISeriesIndicator : IIndicator
{
    /// <summary>Adds the next value of the series.</summary>
    /// <param name="value">The value; must be finite.</param>
    void Update(double value);
}

/// <summary>An indicator fed whole candles (it needs the high, low, open or the previous close).</summary>
public interface IKlineIndicator : IIndicator
{
    /// <summary>Adds the next closed candle, converting its decimal prices to double once.</summary>
    /// <param name="kline">The candle; its prices must be positive and <c>High ≥ Low</c>.</param>
    void Update(in Kline kline);
}
