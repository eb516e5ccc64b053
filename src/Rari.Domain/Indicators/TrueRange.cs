using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>
/// Wilder's true range: the bar's range extended to the previous close, max(H − L, |H − C_prev|, |L − C_prev|),
/// so an overnight-style gap counts as movement.
/// </summary>
/// <remarks>
/// The first bar has no previous close, so its true range is H − L (the convention of Wilder's worksheet and of
/// most charting packages; TA-Lib instead leaves the first bar undefined). Ready after one bar.
/// </remarks>
public sealed class TrueRange : IKlineIndicator
{
    private double _previousClose;
    private double _value;
    private long _count;

    /// <summary>The true range of a bar given the previous bar's close.</summary>
    public static double Compute(double high, double low, double previousClose) =>
        Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));

    /// <inheritdoc />
    public long Count => _count;

    /// <summary>True once one bar has arrived.</summary>
    public bool IsReady => _count > 0;

    /// <summary>The latest bar's true range, in price units; NaN until ready.</summary>
    public double Value => IsReady ? _value : double.NaN;

    /// <inheritdoc />
    public void Update(in Kline kline) => Update((double)kline.High, (double)kline.Low, (double)kline.Close);

    /// <summary>Adds a bar given as doubles.</summary>
    /// <param name="high">The bar's high; positive and not below <paramref name="low"/>.</param>
    /// <param name="low">The bar's low; positive.</param>
    /// <param name="close">The bar's close, kept for the next bar's true range; positive.</param>
    public void Update(double high, double low, double close)
    {
        IndicatorGuard.Range(high, low);
        IndicatorGuard.Positive(close, nameof(close));
        _value = _count == 0 ? high - low : Compute(high, low, _previousClose);
        _previousClose = close;
        _count++;
    }

    /// <inheritdoc />
    public void Reset()
    {
        _previousClose = 0;
        _value = 0;
        _count = 0;
    }
}
