using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>
/// RiskMetrics exponentially weighted volatility of log returns: σ²_t = λ σ²_{t−1} + (1 − λ) r²_t with
/// r_t = ln(C_t / C_{t−1}). Reacts to a volatility burst within a few bars and forgets it smoothly.
/// </summary>
/// <remarks>
/// <para>Conventions, as in RiskMetrics: returns are assumed to have zero mean (r² rather than (r − r̄)²), and
/// the variance is seeded with the plain mean of the first <see cref="SeedReturns"/> squared returns, after which the
/// recursion runs. The indicator is ready once that seed exists, i.e. after <c>SeedReturns + 1</c> closes.</para>
/// <para>The recursion is a convex combination, so rounding errors shrink by λ each bar; no recomputation is
/// needed. <see cref="Value"/> is per bar; <see cref="Annualized"/> scales it by √(bars per year) on the 365-day
/// crypto calendar (see <see cref="Annualization"/>).</para>
/// </remarks>
public sealed class EwmaVolatility : ISeriesIndicator, IKlineIndicator
{
    private readonly double _annualizationFactor;
    private double _previousClose;
    private double _seedSum;
    private double _variance;
    private long _returns;
    private long _count;

    /// <summary>Creates the estimator from its decay factor.</summary>
    /// <param name="lambda">Decay λ in (0, 1); RiskMetrics uses 0.94 for daily data. Higher is smoother.</param>
    /// <param name="barLength">Length of one bar, used only to annualise.</param>
    /// <param name="seedReturns">Number of returns averaged for the seed variance; at least 1.</param>
    public EwmaVolatility(double lambda, TimeSpan barLength, int seedReturns)
    {
        if (!(lambda > 0 && lambda < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must lie strictly between 0 and 1.");
        }

        Lambda = lambda;
        SeedReturns = IndicatorGuard.Period(seedReturns, 1, nameof(seedReturns));
        _annualizationFactor = Annualization.Factor(barLength);
    }

    /// <summary>Creates the estimator from a half-life: λ = 2^(−1 / halfLife), so a return's weight halves every
    /// <paramref name="halfLifeBars"/> bars.</summary>
    /// <param name="halfLifeBars">Half-life in bars; positive.</param>
    /// <param name="barLength">Length of one bar, used only to annualise.</param>
    /// <param name="seedReturns">Number of returns averaged for the seed variance; at least 1.</param>
    public static EwmaVolatility FromHalfLife(double halfLifeBars, TimeSpan barLength, int seedReturns)
    {
        IndicatorGuard.Positive(halfLifeBars, nameof(halfLifeBars));
        return new EwmaVolatility(Math.Pow(2, -1 / halfLifeBars), barLength, seedReturns);
    }

    /// <summary>The decay factor λ.</summary>
    public double Lambda { get; }

    /// <summary>Number of returns averaged to seed the variance.</summary>
    public int SeedReturns { get; }

    /// <summary>Number of closes taken (one more than the number of returns).</summary>
    public long Count => _count;

    /// <summary>True once <see cref="SeedReturns"/> returns (that many plus one closes) have arrived.</summary>
    public bool IsReady => _returns >= SeedReturns;

    /// <summary>Per-bar variance of log returns; NaN until ready.</summary>
    public double Variance => IsReady ? _variance : double.NaN;

    /// <summary>Per-bar volatility σ (standard deviation of one bar's log return); NaN until ready.</summary>
    public double Value => Math.Sqrt(Variance);

    /// <summary>Annual volatility: <see cref="Value"/> × √(bars per 365-day year); NaN until ready.</summary>
    public double Annualized => Value * _annualizationFactor;

    /// <summary>Adds the next close.</summary>
    /// <param name="value">The close; positive.</param>
    public void Update(double value)
    {
        IndicatorGuard.Positive(value, nameof(value));
        _count++;
        if (_count == 1)
        {
            _previousClose = value;
            return;
        }

        var logReturn = Math.Log(value / _previousClose);
        _previousClose = value;
        var squared = logReturn * logReturn;
        _returns++;
        if (_returns < SeedReturns)
        {
            _seedSum += squared;
        }
        else if (_returns == SeedReturns)
        {
            _variance = (_seedSum + squared) / SeedReturns;
        }
        else
        {
            _variance = (Lambda * _variance) + ((1 - Lambda) * squared);
        }
    }

    /// <summary>Adds the next close given as a decimal (converted to double once).</summary>
    public void Update(decimal value) => Update((double)value);

    /// <summary>Adds the candle's close.</summary>
    public void Update(in Kline kline) => Update((double)kline.Close);

    /// <inheritdoc />
    public void Reset()
    {
        _previousClose = 0;
        _seedSum = 0;
        _variance = 0;
        _returns = 0;
        _count = 0;
    }
}
