using Rari.Domain.Indicators;
using Rari.Domain.Market;

namespace Rari.Domain.Strategies.Volatility;

/// <summary>
/// The volatility strategy's market state: its indicators and the entry signal of the latest bar. Updated from closed
/// bars only, never journaled, rebuilt by warm-up; allocation-free after construction.
/// </summary>
/// <remarks>
/// <para><b>Momentum.</b> A long signal when the close is above the highest high of the <see cref="VolatilitySettings.BreakoutLookback"/>
/// bars before it and volatility expands (short-window volatility &gt; <see cref="VolatilitySettings.ExpansionFactor"/> ×
/// long-window volatility, both measured through the signal bar); a short signal on a close below the lowest low.</para>
/// <para><b>Mean reversion.</b> A bar whose close is an extreme (|z| ≥ threshold, or outside the Bollinger bands) arms a
/// signal against the move; it fires only if the very next bar closes back toward the mean (above the extreme close
/// after a low extreme, below it after a high one). A bar that is itself an extreme re-arms. Momentum wins when both fire,
/// which the definitions make impossible in opposite directions: a breakout bar cannot close back inside the range
/// of the bar before it.</para>
/// </remarks>
public sealed class VolatilitySignalDetector
{
    private readonly VolatilitySettings _settings;
    private readonly RollingMinMax _range;
    private readonly RealizedVolatility? _shortVolatility;
    private readonly RealizedVolatility? _longVolatility;
    private readonly AverageTrueRange? _shortRange;
    private readonly AverageTrueRange? _longRange;
    private readonly AverageTrueRange _atr;
    private readonly RollingZScore? _zScore;
    private readonly BollingerBands? _bands;
    private PositionDirection _armed = PositionDirection.None;
    private decimal _extremeClose;

    /// <summary>Creates a detector with empty indicators.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public VolatilitySignalDetector(VolatilitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        _settings = settings;
        _range = new RollingMinMax(settings.BreakoutLookback);
        if (settings.ExpansionMeasure == VolatilityMeasure.RealizedVolatility)
        {
            // Only the per-bar values are compared, so the bar length the indicator annualises with does not matter.
            _shortVolatility = new RealizedVolatility(settings.ExpansionShortWindow, TimeSpan.FromMinutes(1));
            _longVolatility = new RealizedVolatility(settings.ExpansionLongWindow, TimeSpan.FromMinutes(1));
        }
        else
        {
            _shortRange = new AverageTrueRange(settings.ExpansionShortWindow);
            _longRange = new AverageTrueRange(settings.ExpansionLongWindow);
        }

        _atr = new AverageTrueRange(settings.AtrPeriod);
        if (settings.MeanReversionTrigger == MeanReversionTrigger.ZScore)
        {
            _zScore = new RollingZScore(settings.MeanReversionWindow);
        }
        else
        {
            _bands = new BollingerBands(settings.MeanReversionWindow, settings.BollingerWidth);
        }
    }

    /// <summary>The signal of the latest bar.</summary>
    public EntrySignal Signal { get; private set; } = EntrySignal.None;

    /// <summary>The latest close; 0 before the first bar.</summary>
    public decimal LastClose { get; private set; }

    /// <summary>Open time of the latest bar, UTC epoch milliseconds; <see cref="long.MinValue"/> before the first bar.</summary>
    public long LastOpenTimeMs { get; private set; } = long.MinValue;

    /// <summary>Number of bars seen.</summary>
    public long Count { get; private set; }

    /// <summary>The average true range used for ATR stops, in price units; NaN until ready.</summary>
    public double Atr => _atr.Value;

    /// <summary>Short-window volatility (per bar σ of log returns, or ATR in price units); NaN until ready.</summary>
    public double ShortVolatility => _shortVolatility?.Value ?? _shortRange!.Value;

    /// <summary>Long-window volatility, in the same unit as <see cref="ShortVolatility"/>; NaN until ready.</summary>
    public double LongVolatility => _longVolatility?.Value ?? _longRange!.Value;

    /// <summary>Whether the latest bar showed volatility expansion.</summary>
    public bool IsExpanding { get; private set; }

    /// <summary>Takes the next closed bar and recomputes <see cref="Signal"/>.</summary>
    public void Update(in Kline kline)
    {
        var close = (double)kline.Close;
        var signal = EntrySignal.None;

        // The breakout range is the bars before this one, so it is read before the bar joins it.
        var rangeReady = _range.IsReady;
        var priorHigh = _range.Maximum;
        var priorLow = _range.Minimum;
        _range.Update(kline);

        UpdateVolatility(kline);
        var shortVolatility = ShortVolatility;
        var longVolatility = LongVolatility;
        IsExpanding = !double.IsNaN(shortVolatility) && !double.IsNaN(longVolatility)
            && shortVolatility > _settings.ExpansionFactor * longVolatility;

        if (_settings.MomentumEnabled && rangeReady && IsExpanding)
        {
            if (close > priorHigh)
            {
                signal = new EntrySignal(SignalKind.Momentum, PositionDirection.Long);
            }
            else if (close < priorLow)
            {
                signal = new EntrySignal(SignalKind.Momentum, PositionDirection.Short);
            }
        }

        _atr.Update(kline);
        var extreme = UpdateMeanReversion(kline);
        if (_settings.MeanReversionEnabled)
        {
            if (!signal.IsEntry && _armed == PositionDirection.Long && kline.Close > _extremeClose)
            {
                signal = new EntrySignal(SignalKind.MeanReversion, PositionDirection.Long);
            }
            else if (!signal.IsEntry && _armed == PositionDirection.Short && kline.Close < _extremeClose)
            {
                signal = new EntrySignal(SignalKind.MeanReversion, PositionDirection.Short);
            }

            _armed = extreme;
            _extremeClose = kline.Close;
        }

        Signal = signal;
        LastClose = kline.Close;
        LastOpenTimeMs = kline.OpenTimeMs;
        Count++;
    }

    private void UpdateVolatility(in Kline kline)
    {
        if (_shortVolatility is not null)
        {
            _shortVolatility.Update(kline);
            _longVolatility!.Update(kline);
        }
        else
        {
            _shortRange!.Update(kline);
            _longRange!.Update(kline);
        }
    }

    // Returns the direction a mean-reversion entry would take after this bar: Long after a low extreme, Short after a high one.
    private PositionDirection UpdateMeanReversion(in Kline kline)
    {
        if (_zScore is not null)
        {
            _zScore.Update(kline);
            if (!_zScore.IsReady)
            {
                return PositionDirection.None;
            }

            var z = _zScore.Value;
            return z <= -_settings.ZScoreThreshold ? PositionDirection.Long
                : z >= _settings.ZScoreThreshold ? PositionDirection.Short
                : PositionDirection.None;
        }

        _bands!.Update(kline);
        if (!_bands.IsReady)
        {
            return PositionDirection.None;
        }

        var close = (double)kline.Close;
        return close < _bands.Lower ? PositionDirection.Long
            : close > _bands.Upper ? PositionDirection.Short
            : PositionDirection.None;
    }
}
