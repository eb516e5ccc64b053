using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>
/// Bollinger bands over the last <see cref="Period"/> values: middle = SMA, upper/lower = middle ± k·σ, with
/// %B (where the newest value sits between the bands) and bandwidth (band width relative to the middle).
/// </summary>
/// <remarks>
/// Conventions: σ is the population standard deviation (divisor N), as in Bollinger's own definition and most
/// charting packages. %B = (x − lower) / (upper − lower): 0 on the lower band, 1 on the upper, 0.5 when the bands
/// collapse onto a constant window. Bandwidth = (upper − lower) / middle, NaN if the middle is 0 (meaningless for
/// prices). Numerics come from <see cref="RollingMoments"/>. Ready after N values.
/// </remarks>
public sealed class BollingerBands : ISeriesIndicator, IKlineIndicator
{
    private readonly RollingMoments _moments;

    /// <summary>Creates empty bands.</summary>
    /// <param name="period">Number of values in the window; at least 2 (20 is customary).</param>
    /// <param name="width">The multiplier k of σ; positive (2 is customary).</param>
    public BollingerBands(int period, double width)
    {
        IndicatorGuard.Positive(width, nameof(width));
        _moments = new RollingMoments(period);
        Width = width;
    }

    /// <summary>Number of values in the window.</summary>
    public int Period => _moments.Period;

    /// <summary>The multiplier k: the bands lie k population standard deviations from the middle.</summary>
    public double Width { get; }

    /// <inheritdoc />
    public long Count => _moments.Count;

    /// <summary>True once <see cref="Period"/> values have arrived.</summary>
    public bool IsReady => _moments.IsReady;

    /// <summary>The middle band: the window's simple mean; NaN until ready.</summary>
    public double Middle => _moments.Mean;

    /// <summary>Population standard deviation of the window; NaN until ready.</summary>
    public double StandardDeviation => _moments.PopulationStandardDeviation;

    /// <summary>The upper band, middle + k·σ; NaN until ready.</summary>
    public double Upper => Middle + (Width * StandardDeviation);

    /// <summary>The lower band, middle − k·σ; NaN until ready.</summary>
    public double Lower => Middle - (Width * StandardDeviation);

    /// <summary>%B of the newest value: (x − lower) / (upper − lower); 0.5 for a constant window; NaN until ready.</summary>
    public double PercentB
    {
        get
        {
            if (!IsReady)
            {
                return double.NaN;
            }

            var lower = Lower;
            var span = Upper - lower;
            return span > 0 ? (_moments.Last - lower) / span : 0.5;
        }
    }

    /// <summary>Bandwidth (upper − lower) / middle = 2kσ / middle; NaN until ready or when the middle is 0.</summary>
    public double Bandwidth
    {
        get
        {
            var middle = Middle;
            return middle != 0 ? (Upper - Lower) / middle : double.NaN;
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
