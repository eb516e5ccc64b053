using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>
/// Wilder's directional movement system: +DI and −DI (the share of true range that moved up or down) and ADX (the
/// smoothed strength of the trend, whatever its direction), all on a 0–100 scale. A high ADX says "trending, keep
/// the grid away"; a low one says "ranging".
/// </summary>
/// <remarks>
/// <para>Definitions (Wilder 1978), for each bar after the first: up = H_t − H_{t−1}, down = L_{t−1} − L_t;
/// +DM = up if up &gt; down and up &gt; 0, else 0; −DM = down if down &gt; up and down &gt; 0, else 0; TR is the true
/// range against the previous close. +DI = 100·(+DM_N / TR_N), −DI = 100·(−DM_N / TR_N),
/// DX = 100·|+DI − −DI| / (+DI + −DI).</para>
/// <para>Seeding, as in Wilder's worksheet: TR_N, +DM_N and −DM_N start as plain sums of the first N bar-to-bar
/// values and then follow S_t = S_{t−1} − S_{t−1}/N + x_t; the first ADX is the mean of the first N DX values, then
/// ADX_t = (ADX_{t−1}·(N − 1) + DX_t) / N. So the DIs are ready after N + 1 bars (N moves) and ADX after 2N bars
/// (2N − 1 moves; TA-Lib's "lookback 2N − 1"). TA-Lib seeds the sums with N − 1 values instead, so its early values
/// differ slightly; the two converge as the seed decays.</para>
/// <para>Degenerate bars: with no true range at all (TR_N = 0) both DIs are 0, and with +DI + −DI = 0 DX is 0.</para>
/// </remarks>
public sealed class AverageDirectionalIndex : IKlineIndicator
{
    private double _previousHigh;
    private double _previousLow;
    private double _previousClose;
    private double _smoothedTrueRange;
    private double _smoothedPlus;
    private double _smoothedMinus;
    private double _dxSum;
    private double _adx;
    private double _plusDi;
    private double _minusDi;
    private double _dx;
    private long _count;

    /// <summary>Creates an empty indicator.</summary>
    /// <param name="period">Wilder's period N; at least 1 (14 is customary).</param>
    public AverageDirectionalIndex(int period)
    {
        Period = IndicatorGuard.Period(period, 1, nameof(period));
    }

    /// <summary>Wilder's period N.</summary>
    public int Period { get; }

    /// <inheritdoc />
    public long Count => _count;

    /// <summary>True once ADX is defined: after 2N bars.</summary>
    public bool IsReady => Moves >= (2L * Period) - 1;

    /// <summary>True once +DI, −DI and DX are defined: after N + 1 bars.</summary>
    public bool IsDirectionalReady => Moves >= Period;

    /// <summary>The average directional index, 0–100; NaN until ready.</summary>
    public double Value => IsReady ? _adx : double.NaN;

    /// <summary>The positive directional indicator +DI, 0–100; NaN until <see cref="IsDirectionalReady"/>.</summary>
    public double PlusDI => IsDirectionalReady ? _plusDi : double.NaN;

    /// <summary>The negative directional indicator −DI, 0–100; NaN until <see cref="IsDirectionalReady"/>.</summary>
    public double MinusDI => IsDirectionalReady ? _minusDi : double.NaN;

    /// <summary>The latest unsmoothed directional index DX, 0–100; NaN until <see cref="IsDirectionalReady"/>.</summary>
    public double DX => IsDirectionalReady ? _dx : double.NaN;

    /// <summary>Number of bar-to-bar moves seen (one less than the bars).</summary>
    private long Moves => _count - 1;

    /// <inheritdoc />
    public void Update(in Kline kline) => Update((double)kline.High, (double)kline.Low, (double)kline.Close);

    /// <summary>Adds a bar given as doubles.</summary>
    /// <param name="high">The bar's high; positive and not below <paramref name="low"/>.</param>
    /// <param name="low">The bar's low; positive.</param>
    /// <param name="close">The bar's close; positive.</param>
    public void Update(double high, double low, double close)
    {
        IndicatorGuard.Range(high, low);
        IndicatorGuard.Positive(close, nameof(close));
        _count++;
        if (_count > 1)
        {
            AddMove(high, low);
        }

        _previousHigh = high;
        _previousLow = low;
        _previousClose = close;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _previousHigh = 0;
        _previousLow = 0;
        _previousClose = 0;
        _smoothedTrueRange = 0;
        _smoothedPlus = 0;
        _smoothedMinus = 0;
        _dxSum = 0;
        _adx = 0;
        _plusDi = 0;
        _minusDi = 0;
        _dx = 0;
        _count = 0;
    }

    private void AddMove(double high, double low)
    {
        var trueRange = TrueRange.Compute(high, low, _previousClose);
        var up = high - _previousHigh;
        var down = _previousLow - low;
        var plusMove = up > down && up > 0 ? up : 0;
        var minusMove = down > up && down > 0 ? down : 0;

        var moves = Moves;
        if (moves <= Period)
        {
            _smoothedTrueRange += trueRange;
            _smoothedPlus += plusMove;
            _smoothedMinus += minusMove;
        }
        else
        {
            _smoothedTrueRange += trueRange - (_smoothedTrueRange / Period);
            _smoothedPlus += plusMove - (_smoothedPlus / Period);
            _smoothedMinus += minusMove - (_smoothedMinus / Period);
        }

        if (moves < Period)
        {
            return;
        }

        _plusDi = _smoothedTrueRange > 0 ? 100 * _smoothedPlus / _smoothedTrueRange : 0;
        _minusDi = _smoothedTrueRange > 0 ? 100 * _smoothedMinus / _smoothedTrueRange : 0;
        var diSum = _plusDi + _minusDi;
        _dx = diSum > 0 ? 100 * Math.Abs(_plusDi - _minusDi) / diSum : 0;

        var dxCount = moves - Period + 1;
        if (dxCount < Period)
        {
            _dxSum += _dx;
        }
        else if (dxCount == Period)
        {
            _adx = (_dxSum + _dx) / Period;
        }
        else
        {
            _adx = ((_adx * (Period - 1)) + _dx) / Period;
        }
    }
}
