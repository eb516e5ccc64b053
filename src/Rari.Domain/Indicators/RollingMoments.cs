namespace Rari.Domain.Indicators;

/// <summary>
/// Mean and variance of the last <see cref="Period"/> values of a series: the building block of z-scores,
/// Bollinger bands and realized volatility.
/// </summary>
/// <remarks>
/// <para>Numerics: nothing is ever subtracted from an accumulator, because sliding updates both drift and cancel
/// catastrophically when a spike leaves the window (the variance collapses and the subtraction keeps ε × the old
/// variance). The window is split into an older block, whose suffix statistics are recomputed from scratch by
/// Welford's algorithm once every <see cref="Period"/> updates, and the newer values, accumulated by Welford as they
/// arrive; each value merges the two with Chan et al.'s pairwise formula
/// M2 = M2ₐ + M2_b + δ² nₐ n_b / n, whose terms are all non-negative. Values are shifted by a nearby
/// sample so the means carry rounding relative to the deviations, not to the price level (the textbook
/// Σx² − n·mean² would lose about nine digits on BTC). A window of identical values reads exactly that value with
/// variance 0.</para>
/// <para>Cost: O(1) amortised — one O(N) rebuild per N updates; the arrays are allocated once in the
/// constructor.</para>
/// </remarks>
public sealed class RollingMoments : ISeriesIndicator
{
    private readonly RollingWindow<double> _window;
    private readonly double[] _suffixMeans;
    private readonly double[] _suffixM2;
    private double _blockShift;
    private int _oldestInBlock;
    private int _blockLength;
    private Moments _newer;
    private double _mean;
    private double _m2;
    private long _count;

    /// <summary>Creates an empty window.</summary>
    /// <param name="period">Number of values in the window; at least 2.</param>
    public RollingMoments(int period)
    {
        _window = new RollingWindow<double>(IndicatorGuard.Period(period, 2, nameof(period)));
        _suffixMeans = new double[period];
        _suffixM2 = new double[period];
    }

    /// <summary>Number of values in the window.</summary>
    public int Period => _window.Capacity;

    /// <inheritdoc />
    public long Count => _count;

    /// <summary>True once <see cref="Period"/> values have arrived.</summary>
    public bool IsReady => _window.IsFull;

    /// <summary>The newest value; NaN until ready.</summary>
    public double Last => IsReady ? _window.Newest : double.NaN;

    /// <summary>Arithmetic mean of the window; NaN until ready.</summary>
    public double Mean => IsReady ? _mean : double.NaN;

    /// <summary>Population variance Σ(x − mean)² / N; NaN until ready.</summary>
    public double PopulationVariance => IsReady ? _m2 / Period : double.NaN;

    /// <summary>Sample variance Σ(x − mean)² / (N − 1) (Bessel-corrected); NaN until ready.</summary>
    public double SampleVariance => IsReady ? _m2 / (Period - 1) : double.NaN;

    /// <summary>Square root of <see cref="PopulationVariance"/>; NaN until ready.</summary>
    public double PopulationStandardDeviation => Math.Sqrt(PopulationVariance);

    /// <summary>Square root of <see cref="SampleVariance"/>; NaN until ready.</summary>
    public double SampleStandardDeviation => Math.Sqrt(SampleVariance);

    /// <inheritdoc />
    public void Update(double value)
    {
        IndicatorGuard.Finite(value, nameof(value));
        _count++;
        if (_window.IsFull)
        {
            if (_oldestInBlock == _blockLength)
            {
                Rebuild();
            }

            _oldestInBlock++;
        }

        _window.Add(value);
        _newer.Add(value);
        Merge();
    }

    /// <summary>Adds the next value given as a decimal (converted to double once).</summary>
    public void Update(decimal value) => Update((double)value);

    /// <inheritdoc />
    public void Reset()
    {
        _window.Clear();
        _oldestInBlock = 0;
        _blockLength = 0;
        _newer = default;
        _mean = 0;
        _m2 = 0;
        _count = 0;
    }

    // The older block is exhausted, so every value in the (full) window is a newer one: make them the new block,
    // with suffix statistics accumulated from the newest value backwards (Welford does not care about order).
    private void Rebuild()
    {
        var length = _window.Count;
        var suffix = default(Moments);
        for (var i = length - 1; i >= 0; i--)
        {
            suffix.Add(_window[length - 1 - i]);
            _suffixMeans[i] = suffix.ShiftedMean;
            _suffixM2[i] = suffix.M2;
        }

        _blockShift = suffix.Shift;
        _oldestInBlock = 0;
        _blockLength = length;
        _newer = default;
    }

    private void Merge()
    {
        var olderCount = _blockLength - _oldestInBlock;
        if (olderCount == 0)
        {
            _mean = _newer.Mean;
            _m2 = Math.Max(0, _newer.M2);
            return;
        }

        // Both parts in the block's shifted frame; the shifts are nearby samples, so their difference is exact.
        var olderMean = _suffixMeans[_oldestInBlock];
        var newerMean = _newer.ShiftedMean + (_newer.Shift - _blockShift);
        var total = olderCount + _newer.Count;
        var delta = newerMean - olderMean;
        _mean = _blockShift + (olderMean + (delta * _newer.Count / total));

        // Every term is non-negative (Welford's M2 can only round a hair below 0 on a flat window).
        _m2 = Math.Max(0, _suffixM2[_oldestInBlock] + _newer.M2 + (delta * delta * ((double)olderCount * _newer.Count / total)));
    }
}
