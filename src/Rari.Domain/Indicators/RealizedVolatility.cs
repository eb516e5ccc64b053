using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>
/// Close-to-close realized volatility: the sample standard deviation of the last <see cref="Period"/> log returns
/// ln(C_t / C_{t−1}), per bar and annualised.
/// </summary>
/// <remarks>
/// <para>Conventions: sample standard deviation with the (n − 1) divisor around the window's own mean return;
/// annualised by √(bars per year) on the 365-day crypto calendar (525,600 one-minute bars; see
/// <see cref="Annualization"/>). Ready after <c>Period + 1</c> closes.</para>
/// <para>Numerics: the returns go through <see cref="RollingMoments"/> (merged Welford blocks, nothing ever subtracted). A
/// window of identical returns, e.g. a flat market, reads exactly 0.</para>
/// </remarks>
public sealed class RealizedVolatility : ISeriesIndicator, IKlineIndicator
{
    private readonly RollingMoments _returns;
    private readonly double _annualizationFactor;
    private double _previousClose;
    private long _count;

    /// <summary>Creates the estimator.</summary>
    /// <param name="period">Number of returns in the window; at least 2.</param>
    /// <param name="barLength">Length of one bar, used only to annualise.</param>
    public RealizedVolatility(int period, TimeSpan barLength)
    {
        _returns = new RollingMoments(period);
        _annualizationFactor = Annualization.Factor(barLength);
    }

    /// <summary>Number of returns in the window.</summary>
    public int Period => _returns.Period;

    /// <summary>Number of closes taken (one more than the number of returns).</summary>
    public long Count => _count;

    /// <summary>True once <see cref="Period"/> returns (that many plus one closes) have arrived.</summary>
    public bool IsReady => _returns.IsReady;

    /// <summary>Mean log return of the window; NaN until ready.</summary>
    public double MeanReturn => _returns.Mean;

    /// <summary>Per-bar volatility: sample standard deviation of the window's log returns; NaN until ready.</summary>
    public double Value => _returns.SampleStandardDeviation;

    /// <summary>Annual volatility: <see cref="Value"/> × √(bars per 365-day year); NaN until ready.</summary>
    public double Annualized => Value * _annualizationFactor;

    /// <summary>Adds the next close.</summary>
    /// <param name="value">The close; positive.</param>
    public void Update(double value)
    {
        IndicatorGuard.Positive(value, nameof(value));
        _count++;
        if (_count > 1)
        {
            _returns.Update(Math.Log(value / _previousClose));
        }

        _previousClose = value;
    }

    /// <summary>Adds the next close given as a decimal (converted to double once).</summary>
    public void Update(decimal value) => Update((double)value);

    /// <summary>Adds the candle's close.</summary>
    public void Update(in Kline kline) => Update((double)kline.Close);

    /// <inheritdoc />
    public void Reset()
    {
        _returns.Reset();
        _previousClose = 0;
        _count = 0;
    }
}
