namespace Rari.Domain.Indicators;

/// <summary>
/// Pearson correlation of two series over their last <see cref="Period"/> pairs, e.g. the returns of two symbols
/// when deciding whether their positions add up to one bet.
/// </summary>
/// <remarks>
/// <para>r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² · Σ(y − ȳ)²), clamped to [−1, 1] against rounding. When either series is
/// constant over the window the correlation is undefined and <see cref="Value"/> is <see cref="double.NaN"/> — not 0,
/// which would claim "independent"; callers test <see cref="IsDefined"/> or <see cref="double.IsNaN"/>.</para>
/// <para>Numerics as in <see cref="RollingMoments"/>: an older block with suffix co-moments recomputed from scratch
/// once every <see cref="Period"/> pairs, the newer pairs accumulated by Welford, merged with Chan et al.'s pairwise
/// formulas (C = Cₐ + C_b + δx δy nₐ n_b / n), nothing ever subtracted, values shifted by nearby samples. O(1)
/// amortised; a constant series gives a variance of exactly 0. Ready after N pairs.</para>
/// </remarks>
public sealed class RollingCorrelation : IIndicator
{
    private readonly RollingWindow<double> _xs;
    private readonly RollingWindow<double> _ys;
    private readonly double[] _suffixMeanX;
    private readonly double[] _suffixMeanY;
    private readonly double[] _suffixM2X;
    private readonly double[] _suffixM2Y;
    private readonly double[] _suffixCxy;
    private double _blockShiftX;
    private double _blockShiftY;
    private int _oldestInBlock;
    private int _blockLength;
    private CoMoments _newer;
    private double _m2X;
    private double _m2Y;
    private double _cxy;
    private long _count;

    /// <summary>Creates an empty correlation.</summary>
    /// <param name="period">Number of pairs in the window; at least 2.</param>
    public RollingCorrelation(int period)
    {
        IndicatorGuard.Period(period, 2, nameof(period));
        _xs = new RollingWindow<double>(period);
        _ys = new RollingWindow<double>(period);
        _suffixMeanX = new double[period];
        _suffixMeanY = new double[period];
        _suffixM2X = new double[period];
        _suffixM2Y = new double[period];
        _suffixCxy = new double[period];
    }

    /// <summary>Number of pairs in the window.</summary>
    public int Period => _xs.Capacity;

    /// <inheritdoc />
    public long Count => _count;

    /// <summary>True once <see cref="Period"/> pairs have arrived.</summary>
    public bool IsReady => _xs.IsFull;

    /// <summary>True when ready and neither series is constant over the window, so <see cref="Value"/> is a number.</summary>
    public bool IsDefined => IsReady && _m2X > 0 && _m2Y > 0;

    /// <summary>The correlation in [−1, 1]; NaN until ready or while either series is constant over the window.</summary>
    public double Value => IsDefined ? Math.Clamp(_cxy / Math.Sqrt(_m2X * _m2Y), -1, 1) : double.NaN;

    /// <summary>Adds the next pair.</summary>
    /// <param name="x">The first series' value; finite.</param>
    /// <param name="y">The second series' value; finite.</param>
    public void Update(double x, double y)
    {
        IndicatorGuard.Finite(x, nameof(x));
        IndicatorGuard.Finite(y, nameof(y));
        _count++;
        if (_xs.IsFull)
        {
            if (_oldestInBlock == _blockLength)
            {
                Rebuild();
            }

            _oldestInBlock++;
        }

        _xs.Add(x);
        _ys.Add(y);
        _newer.Add(x, y);
        Merge();
    }

    /// <summary>Adds the next pair given as decimals (each converted to double once).</summary>
    public void Update(decimal x, decimal y) => Update((double)x, (double)y);

    /// <inheritdoc />
    public void Reset()
    {
        _xs.Clear();
        _ys.Clear();
        _oldestInBlock = 0;
        _blockLength = 0;
        _newer = default;
        _m2X = 0;
        _m2Y = 0;
        _cxy = 0;
        _count = 0;
    }

    private void Rebuild()
    {
        var length = _xs.Count;
        var suffix = default(CoMoments);
        for (var i = length - 1; i >= 0; i--)
        {
            var lag = length - 1 - i;
            suffix.Add(_xs[lag], _ys[lag]);
            _suffixMeanX[i] = suffix.MeanX;
            _suffixMeanY[i] = suffix.MeanY;
            _suffixM2X[i] = suffix.M2X;
            _suffixM2Y[i] = suffix.M2Y;
            _suffixCxy[i] = suffix.Cxy;
        }

        _blockShiftX = suffix.ShiftX;
        _blockShiftY = suffix.ShiftY;
        _oldestInBlock = 0;
        _blockLength = length;
        _newer = default;
    }

    private void Merge()
    {
        var olderCount = _blockLength - _oldestInBlock;
        if (olderCount == 0)
        {
            _m2X = _newer.M2X;
            _m2Y = _newer.M2Y;
            _cxy = _newer.Cxy;
            return;
        }

        var i = _oldestInBlock;
        var deltaX = _newer.MeanX + (_newer.ShiftX - _blockShiftX) - _suffixMeanX[i];
        var deltaY = _newer.MeanY + (_newer.ShiftY - _blockShiftY) - _suffixMeanY[i];
        var weight = (double)olderCount * _newer.Count / (olderCount + _newer.Count);
        _m2X = _suffixM2X[i] + _newer.M2X + (deltaX * deltaX * weight);
        _m2Y = _suffixM2Y[i] + _newer.M2Y + (deltaY * deltaY * weight);
        _cxy = _suffixCxy[i] + _newer.Cxy + (deltaX * deltaY * weight);
    }
}
