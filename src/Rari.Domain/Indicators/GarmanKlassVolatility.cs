using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>
/// Garman–Klass open–high–low–close volatility estimator over the last <see cref="Period"/> bars:
/// σ² = (1/N) Σ [½ ln(H/L)² − (2 ln 2 − 1) ln(C/O)²]. More efficient than Parkinson because it also uses the
/// open-to-close move; like Parkinson it ignores gaps between bars and assumes zero drift.
/// </summary>
/// <remarks>
/// Each bar's term is non-negative when the open and close lie within [low, high], as they do in exchange data;
/// should a malformed bar make the window's mean negative, the variance reads 0 rather than NaN.
/// Per bar and annualised by √(bars per year) on the 365-day crypto calendar (see <see cref="Annualization"/>).
/// Terms go through <see cref="RollingSum"/> (no drift, nothing subtracted, exact 0 on a flat window). Ready after
/// N bars.
/// </remarks>
public sealed class GarmanKlassVolatility : IKlineIndicator
{
    private static readonly double CloseOpenWeight = (2 * Math.Log(2)) - 1;

    private readonly RollingSum _terms;
    private readonly double _annualizationFactor;

    /// <summary>Creates the estimator.</summary>
    /// <param name="period">Number of bars in the window; at least 1.</param>
    /// <param name="barLength">Length of one bar, used only to annualise.</param>
    public GarmanKlassVolatility(int period, TimeSpan barLength)
    {
        _terms = new RollingSum(period);
        _annualizationFactor = Annualization.Factor(barLength);
    }

    /// <summary>Number of bars in the window.</summary>
    public int Period => _terms.Period;

    /// <inheritdoc />
    public long Count => _terms.Count;

    /// <summary>True once <see cref="Period"/> bars have arrived.</summary>
    public bool IsReady => _terms.IsReady;

    /// <summary>Per-bar variance estimate (never negative); NaN until ready.</summary>
    public double Variance => IsReady ? Math.Max(0, _terms.Sum / Period) : double.NaN;

    /// <summary>Per-bar volatility σ; NaN until ready.</summary>
    public double Value => Math.Sqrt(Variance);

    /// <summary>Annual volatility: <see cref="Value"/> × √(bars per 365-day year); NaN until ready.</summary>
    public double Annualized => Value * _annualizationFactor;

    /// <inheritdoc />
    public void Update(in Kline kline) =>
        Update((double)kline.Open, (double)kline.High, (double)kline.Low, (double)kline.Close);

    /// <summary>Adds a bar given as doubles.</summary>
    /// <param name="open">The bar's open; positive.</param>
    /// <param name="high">The bar's high; positive and not below <paramref name="low"/>.</param>
    /// <param name="low">The bar's low; positive.</param>
    /// <param name="close">The bar's close; positive.</param>
    public void Update(double open, double high, double low, double close)
    {
        IndicatorGuard.Range(high, low);
        IndicatorGuard.Positive(open, nameof(open));
        IndicatorGuard.Positive(close, nameof(close));
        var logRange = Math.Log(high / low);
        var logBody = Math.Log(close / open);
        _terms.Update((0.5 * logRange * logRange) - (CloseOpenWeight * logBody * logBody));
    }

    /// <inheritdoc />
    public void Reset() => _terms.Reset();
}
