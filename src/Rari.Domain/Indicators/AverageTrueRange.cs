using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>
/// Wilder's average true range (ATR) in price units: the typical full movement of one bar, used to space grid
/// levels and to size stops.
/// </summary>
/// <remarks>
/// Seeding and smoothing as Wilder defined them: the first ATR is the simple average of the first
/// <see cref="Period"/> true ranges (the first bar's being H − L, see <see cref="TrueRange"/>), then
/// ATR_t = (ATR_{t−1} × (N − 1) + TR_t) / N — an EMA with α = 1/N. Ready after N bars. The recursion is a
/// contraction, so rounding does not accumulate.
/// </remarks>
public sealed class AverageTrueRange : IKlineIndicator
{
    private readonly TrueRange _trueRange = new();
    private double _seedSum;
    private double _value;

    /// <summary>Creates an empty ATR.</summary>
    /// <param name="period">Wilder's period N; at least 1 (14 is customary).</param>
    public AverageTrueRange(int period)
    {
        Period = IndicatorGuard.Period(period, 1, nameof(period));
    }

    /// <summary>Wilder's period N.</summary>
    public int Period { get; }

    /// <inheritdoc />
    public long Count => _trueRange.Count;

    /// <summary>True once <see cref="Period"/> bars have arrived.</summary>
    public bool IsReady => _trueRange.Count >= Period;

    /// <summary>The average true range, in price units; NaN until ready.</summary>
    public double Value => IsReady ? _value : double.NaN;

    /// <summary>The latest bar's true range; NaN before the first bar.</summary>
    public double LastTrueRange => _trueRange.Value;

    /// <inheritdoc />
    public void Update(in Kline kline) => Update((double)kline.High, (double)kline.Low, (double)kline.Close);

    /// <summary>Adds a bar given as doubles.</summary>
    /// <param name="high">The bar's high; positive and not below <paramref name="low"/>.</param>
    /// <param name="low">The bar's low; positive.</param>
    /// <param name="close">The bar's close; positive.</param>
    public void Update(double high, double low, double close)
    {
        _trueRange.Update(high, low, close);
        var trueRange = _trueRange.Value;
        var count = _trueRange.Count;
        if (count < Period)
        {
            _seedSum += trueRange;
        }
        else if (count == Period)
        {
            _value = (_seedSum + trueRange) / Period;
        }
        else
        {
            _value = ((_value * (Period - 1)) + trueRange) / Period;
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        _trueRange.Reset();
        _seedSum = 0;
        _value = 0;
    }
}
