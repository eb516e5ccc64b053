using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>
/// How many standard deviations the newest value lies from the mean of the last <see cref="Period"/> values:
/// z = (x_t − mean) / σ. Mean reversion signals read it on price; it works on any series.
/// </summary>
/// <remarks>
/// Conventions: the window includes the newest value, and σ is the population standard deviation (divisor N), the
/// same σ as <see cref="BollingerBands"/>, so z = ±k exactly on a k-σ band. When the window is constant (σ = 0) the
/// newest value equals the mean and z is 0, not a division by zero. Ready after N values.
/// </remarks>
public sealed class RollingZScore : ISeriesIndicator, IKlineIndicator
{
    private readonly RollingMoments _moments;

    /// <summary>Creates an empty z-score.</summary>
    /// <param name="period">Number of values in the window; at least 2.</param>
    public RollingZScore(int period)
    {
        _moments = new RollingMoments(period);
    }

    /// <summary>Number of values in the window.</summary>
    public int Period => _moments.Period;

    /// <inheritdoc />
    public long Count => _moments.Count;

    /// <summary>True once <see cref="Period"/> values have arrived.</summary>
    public bool IsReady => _moments.IsReady;

    /// <summary>Mean of the window; NaN until ready.</summary>
    public double Mean => _moments.Mean;

    /// <summary>Population standard deviation of the window; NaN until ready.</summary>
    public double StandardDeviation => _moments.PopulationStandardDeviation;

    /// <summary>The z-score of the newest value; 0 for a constant window; NaN until ready.</summary>
    public double Value
    {
        get
        {
            if (!IsReady)
            {
                return double.NaN;
            }

            var deviation = StandardDeviation;
            return deviation > 0 ? (_moments.Last - Mean) / deviation : 0;
        }
    }

    /// <inheritdoc />
    public void Update(double value) => _moments.Update(value);

    /// <summary>Adds the next value given as a decimal (converted to double once).</summary>
    public void Update(decimal value) => _moments.Update((double)value);

    /// <summary>Adds the candle's close.</summary>
    public void Update(in Kline kline) => _moments.Update((double)kline.Close);

    /// <inheritdoc />
    public void Reset() => _moments.Reset();
}
