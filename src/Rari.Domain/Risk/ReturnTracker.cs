using Rari.Domain.Identifiers;
using Rari.Domain.Indicators;
using Rari.Domain.Market;

namespace Rari.Domain.Risk;

/// <summary>
/// Turns one symbol's closed bars into <see cref="BarReturnObserved"/> inputs for the circuit breaker: each bar's simple
/// return and the sample standard deviation of the <see cref="Period"/> returns before it.
/// </summary>
/// <remarks>
/// Market state, not journaled: after a restart the host warms it up from recent bars, as it does a strategy's
/// indicators. The spread excludes the bar being judged, so an extreme bar cannot hide inside a window it inflates
/// itself. O(1) per bar through <see cref="RollingMoments"/>; not thread-safe.
/// </remarks>
public sealed class ReturnTracker
{
    private readonly RollingMoments _returns;
    private decimal _previousClose;

    /// <summary>Creates a tracker.</summary>
    /// <param name="symbol">The symbol whose bars it is fed.</param>
    /// <param name="period">Number of returns the spread is measured over; at least 2 (60 one-minute bars by default).</param>
    /// <param name="barMs">Length of a bar in milliseconds; a bar's close time is its open time plus this.</param>
    /// <exception cref="ArgumentOutOfRangeException">The period is below 2 or the bar length not positive.</exception>
    public ReturnTracker(Symbol symbol, int period = 60, long barMs = 60_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(barMs);
        Symbol = symbol;
        BarMs = barMs;
        _returns = new RollingMoments(period);
    }

    /// <summary>The symbol.</summary>
    public Symbol Symbol { get; }

    /// <summary>Number of returns the spread is measured over.</summary>
    public int Period => _returns.Period;

    /// <summary>Length of a bar in milliseconds.</summary>
    public long BarMs { get; }

    /// <summary>
    /// Takes the next closed bar; returns its input for the monitor, or null for the first bar (no return yet). The
    /// spread is null until <see cref="Period"/> returns came before the bar.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The close is not positive.</exception>
    public BarReturnObserved? Observe(in Kline kline)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kline.Close);
        var previous = _previousClose;
        _previousClose = kline.Close;
        if (previous == 0m)
        {
            return null;
        }

        var change = (kline.Close / previous) - 1m;
        var spread = _returns.IsReady ? SymbolRiskView.Reading(_returns.SampleStandardDeviation) : null;
        _returns.Update(change);
        return new BarReturnObserved(kline.OpenTimeMs + BarMs, Symbol, change, spread);
    }

    /// <summary>Forgets every bar.</summary>
    public void Reset()
    {
        _returns.Reset();
        _previousClose = 0m;
    }
}
