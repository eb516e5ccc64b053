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
    private double _return = double.NaN;
    private double _recentStdDev = double.NaN;

    /// <summary>Creates empty readings for bars of <paramref name="barMs"/> milliseconds.</summary>
    public MarketReadings(long barMs) => _volatility = new RealizedVolatility(VolatilityWindow, TimeSpan.FromMilliseconds(barMs));

    /// <summary>The latest bar's return, <c>close / previous close − 1</c>; null before the second bar.</summary>
    public decimal? Return { get; private set; }

    /// <summary>Sample standard deviation of the returns before <see cref="Return"/>; null until the window is full.</summary>
    /// <remarks>Converted to decimal only when read: most bars it is not (see <see cref="IsSurelyCalm"/>).</remarks>
    public decimal? RecentStdDev => double.IsNaN(_recentStdDev) ? null : SymbolRiskView.Reading(_recentStdDev);

    /// <summary>Annualised realized volatility; null until known.</summary>
    public decimal? Volatility => _volatility.IsReady ? SymbolRiskView.Reading(_volatility.Annualized) : null;

    /// <summary>Average true range in price units; null until known.</summary>
    public decimal? AverageTrueRange => _atr.IsReady ? SymbolRiskView.Reading(_atr.Value) : null;

    /// <summary>Takes the next closed bar.</summary>
    public void Observe(in Kline bar)
    {
        // The close converted once for both (each indicator's kline overload converts it itself).
        var close = (double)bar.Close;
        _volatility.Update(close);
        _atr.Update((double)bar.High, (double)bar.Low, close);
        var previous = _previousClose;
        _previousClose = bar.Close;
        if (previous == 0m)
        {
            return;
        }

        var change = (bar.Close / previous) - 1m;
        _recentStdDev = _returns.IsReady ? _returns.SampleStandardDeviation : double.NaN;
        _return = (double)change;
        _returns.Update(_return);
        Return = change;
    }

    /// <summary>
    /// True when the latest return is certainly within both circuit-breaker limits: within <paramref name="maxMove"/>
    /// and within <paramref name="maxSigma"/> times <see cref="RecentStdDev"/> (a limit that is off is
    /// <see cref="double.PositiveInfinity"/>). Decided in doubles with a margin far wider than their rounding (and
    /// than the 15 significant digits <see cref="RecentStdDev"/> keeps), so a true answer is never wrong; false means
    /// "ask the exact decimal test", which it does not replace.
    /// </summary>
    public bool IsSurelyCalm(double maxMove, double maxSigma)
    {
        const double Margin = 1e-9;
        if (double.IsNaN(_return))
        {
            return false;
        }

        var move = Math.Abs(_return) * (1 + Margin);
        if (!(move < maxMove))
        {
            return false;
        }

        // Not ready (NaN) or flat (0): the sigma test cannot trip. A deviation too small or too large for a decimal of
        // 15 significant digits goes to the exact test.
        var sigma = _recentStdDev;
        return double.IsPositiveInfinity(maxSigma) || double.IsNaN(sigma) || sigma == 0
            || (sigma is >= 1e-12 and < 1e14 && move < maxSigma * sigma * (1 - Margin));
    }
}
