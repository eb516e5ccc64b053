using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>
/// Parkinson's high–low volatility estimator over the last <see cref="Period"/> bars:
/// σ² = Σ ln(H/L)² / (4 ln 2 · N). It uses the whole intrabar range, so it needs about five times fewer bars than
/// close-to-close volatility for the same precision, but it ignores gaps between bars and assumes zero drift.
/// </summary>
/// <remarks>
/// Per bar and annualised by √(bars per year) on the 365-day crypto calendar (see <see cref="Annualization"/>).
/// The squared log ranges go through <see cref="RollingSum"/> (no drift, nothing subtracted, exact 0 on a flat window).
/// Ready after N bars.
/// </remarks>
public sealed class ParkinsonVolatility : IKlineIndicator
{
    private static readonly double Normalizer = 4 * Math.Log(2);

    private readonly RollingSum _squaredLogRanges;
    private readonly double _annualizationFactor;

    /// <summary>Creates the estimator.</summary>
    /// <param name="period">Number of bars in the window; at least 1.</param>
    /// <param name="barLength">Length of one bar, used only to annualise.</param>
    public ParkinsonVolatility(int period, TimeSpan barLength)
    {
        _squaredLogRanges = new RollingSum(period);
        _annualizationFactor = Annualization.Factor(barLength);
    }

    /// <summary>Number of bars in the window.</summary>
    public int Period => _squaredLogRanges.Period;

    /// <inheritdoc />
    public long Count => _squaredLogRanges.Count;

    /// <summary>True once <see cref="Period"/> bars have arrived.</summary>
    public bool IsReady => _squaredLogRanges.IsReady;

    /// <summary>Per-bar variance estimate; NaN until ready.</summary>
    public double Variance => _squaredLogRanges.Sum / (Normalizer * Period);

    /// <summary>Per-bar volatility σ; NaN until ready.</summary>
    public double Value => Math.Sqrt(Variance);

    /// <summary>Annual volatility: <see cref="Value"/> × √(bars per 365-day year); NaN until ready.</summary>
    public double Annualized => Value * _annualizationFactor;

    /// <inheritdoc />
    public void Update(in Kline kline) => Update((double)kline.High, (double)kline.Low);

    /// <summary>Adds a bar's range given as doubles.</summary>
    /// <param name="high">The bar's high; positive and not below <paramref name="low"/>.</param>
    /// <param name="low">The bar's low; positive.</param>
    public void Update(double high, double low)
    {
        IndicatorGuard.Range(high, low);
        var logRange = Math.Log(high / low);
        _squaredLogRanges.Update(logRange * logRange);
    }

    /// <inheritdoc />
    public void Reset() => _squaredLogRanges.Reset();
}
