using Rari.Domain.Indicators;
using Rari.Domain.Market;
using Rari.Domain.Risk;

namespace Rari.Backtest.Engine;

/// <summary>
/// One symbol's market readings for the risk engine and monitor, kept from its closed bars as the live symbol supervisor
/// keeps them (its <c>MarketObserver</c>, with the live defaults): the bar's simple return and the sample standard
/// deviation of the <see cref="ReturnWindow"/> returns before it (the circuit breaker's input, computed exactly as
/// <see cref="ReturnTracker"/> does), the annualised realized volatility and the average true range.
/// </summary>
/// <remarks>
/// Unlike <see cref="ReturnTracker"/> it hands back the return without allocating an input record per bar: the engine
/// makes a <see cref="BarReturnObserved"/> only for a bar that could trip a breaker. O(1) per bar, allocation-free.
/// </remarks>
internal sealed class MarketReadings
{
    /// <summary>Returns the circuit breaker's spread is measured over (live default <c>return-window</c>).</summary>
    public const int ReturnWindow = 60;

    /// <summary>Log returns of the realized volatility (live default <c>volatility-window</c>).</summary>
    public const int VolatilityWindow = 60;

    /// <summary>Bars of the average true range (live default <c>atr-period</c>).</summary>
    public const int AtrPeriod = 14;

    private readonly RollingMoments _returns = new(ReturnWindow);
    private readonly RealizedVolatility _volatility;
    private readonly AverageTrueRange _atr = new(AtrPeriod);
    private decimal _previousClose;

    /// <summary>Creates empty readings for bars of <paramref name="barMs"/> milliseconds.</summary>
    public MarketReadings(long barMs) => _volatility = new RealizedVolatility(VolatilityWindow, TimeSpan.FromMilliseconds(barMs));

    /// <summary>The latest bar's return, <c>close / previous close − 1</c>; null before the second bar.</summary>
    public decimal? Return { get; private set; }

    /// <summary>Sample standard deviation of the returns before <see cref="Return"/>; null until the window is full.</summary>
    public decimal? RecentStdDev { get; private set; }

    /// <summary>Annualised realized volatility; null until known.</summary>
    public decimal? Volatility => _volatility.IsReady ? SymbolRiskView.Reading(_volatility.Annualized) : null;

    /// <summary>Average true range in price units; null until known.</summary>
    public decimal? AverageTrueRange => _atr.IsReady ? SymbolRiskView.Reading(_atr.Value) : null;

    /// <summary>Takes the next closed bar.</summary>
    public void Observe(in Kline bar)
    {
        _volatility.Update(bar);
        _atr.Update(bar);
        var previous = _previousClose;
        _previousClose = bar.Close;
        if (previous == 0m)
        {
            return;
        }

        var change = (bar.Close / previous) - 1m;
        RecentStdDev = _returns.IsReady ? SymbolRiskView.Reading(_returns.SampleStandardDeviation) : null;
        _returns.Update(change);
        Return = change;
    }
}
