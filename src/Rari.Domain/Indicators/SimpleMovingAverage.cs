using Rari.Domain.Market;

namespace Rari.Domain.Indicators;

/// <summary>The arithmetic mean of the last <see cref="Period"/> values (SMA); fed closes when given candles.</summary>
/// <remarks>Built on <see cref="RollingSum"/>, which never subtracts, so the mean cannot drift.</remarks>
public sealed class SimpleMovingAverage : ISeriesIndicator, IKlineIndicator
{
    private readonly RollingSum _sum;

    /// <summary>Creates an empty average.</summary>
    /// <param name="period">Number of values averaged; at least 1.</param>
    public SimpleMovingAverage(int period)
    {
        _sum = new RollingSum(period);
    }

    /// <summary>Number of values averaged.</summary>
    public int Period => _sum.Period;

    /// <inheritdoc />
    public long Count => _sum.Count;

    /// <summary>True once <see cref="Period"/> values have arrived.</summary>
    public bool IsReady => _sum.IsReady;

    /// <summary>The average; NaN until ready.</summary>
    public double Value => _sum.Sum / _sum.Period;

    /// <inheritdoc />
    public void Update(double value) => _sum.Update(value);

    /// <summary>Adds the next value given as a decimal (converted to double once).</summary>
    public void Update(decimal value) => _sum.Update((double)value);

    /// <summary>Adds the candle's close.</summary>
    public void Update(in Kline kline) => _sum.Update((double)kline.Close);

    /// <inheritdoc />
    public void Reset() => _sum.Reset();
}
