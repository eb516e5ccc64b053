using System.Globalization;
using Rari.Domain.Indicators;
using Rari.Domain.Market;

namespace Rari.Domain.Strategies.Hybrid;

/// <summary>
/// Classifies the market as Ranging, Trending or Extreme from Kaufman's efficiency ratio, Wilder's ADX and the
/// percentile of the current realized volatility among its own recent values, with hysteresis so that it does not flap.
/// </summary>
/// <remarks>
/// <para>Fed 1-minute bars, it aggregates them to <see cref="RegimeSettings.Interval"/> (15 minutes by default; see
/// <see cref="RegimeSettings"/> for why) and classifies each completed bar; with a 1-minute interval it classifies every
/// bar. Bars must arrive in strictly increasing time, as <see cref="KlineAggregator"/> requires.</para>
/// <para>Each classified bar: <see cref="Classify"/> gives the regime the reading calls for, judged against the current
/// regime (enter above one threshold, stay above a lower one); the detector adopts it only if the current regime has lasted
/// <see cref="RegimeSettings.MinBarsInRegime"/> bars, or it is Extreme and <see cref="RegimeSettings.ExtremeBypassesMinimum"/>.
/// The first complete reading is adopted at once.</para>
/// <para>Market state only; allocation-free after construction.</para>
/// </remarks>
public sealed class RegimeDetector : IRegimeSource
{
    private readonly KlineAggregator? _aggregator;
    private readonly EfficiencyRatio _efficiency;
    private readonly AverageDirectionalIndex _adx;
    private readonly RealizedVolatility _volatility;
    private readonly RollingPercentileRank _percentile;

    /// <summary>Creates a detector with empty indicators.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public RegimeDetector(RegimeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        Settings = settings;
        _aggregator = settings.Interval == KlineInterval.OneMinute ? null : new KlineAggregator(settings.Interval);
        _efficiency = new EfficiencyRatio(settings.EfficiencyRatioPeriod);
        _adx = new AverageDirectionalIndex(settings.AdxPeriod);
        _volatility = new RealizedVolatility(settings.VolatilityWindow, TimeSpan.FromMilliseconds(settings.Interval.DurationMs));
        _percentile = new RollingPercentileRank(settings.VolatilityPercentileWindow);
    }

    /// <summary>The parameters.</summary>
    public RegimeSettings Settings { get; }

    /// <inheritdoc />
    public MarketRegime Regime { get; private set; } = MarketRegime.Undetermined;

    /// <summary>Classified bars spent in the current regime, counting the bar it began on.</summary>
    public int BarsInRegime { get; private set; }

    /// <summary>The latest complete reading, or null before the first.</summary>
    public RegimeReading? LastReading { get; private set; }

    /// <summary>Detector bars (of <see cref="RegimeSettings.Interval"/>) taken so far.</summary>
    public long DetectorBars { get; private set; }

    /// <summary>
    /// The regime a reading calls for, judged against the current regime's hysteresis; pure. Extreme first (enter at
    /// <see cref="RegimeSettings.ExtremeEnterPercentile"/>, stay at <see cref="RegimeSettings.ExtremeExitPercentile"/>), then
    /// Trending (enter when ADX and ER both reach their enter levels, stay while either holds its exit level), else Ranging.
    /// </summary>
    public static MarketRegime Classify(MarketRegime current, RegimeReading reading, RegimeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var extreme = current == MarketRegime.Extreme
            ? reading.VolatilityPercentile >= settings.ExtremeExitPercentile
            : reading.VolatilityPercentile >= settings.ExtremeEnterPercentile;
        if (extreme)
        {
            return MarketRegime.Extreme;
        }

        var trending = current == MarketRegime.Trending
            ? reading.Adx >= settings.TrendExitAdx || reading.EfficiencyRatio >= settings.TrendExitEfficiency
            : reading.Adx >= settings.TrendEnterAdx && reading.EfficiencyRatio >= settings.TrendEnterEfficiency;
        return trending ? MarketRegime.Trending : MarketRegime.Ranging;
    }

    /// <inheritdoc />
    public void Update(in Kline closedKline)
    {
        if (_aggregator is null)
        {
            UpdateBar(closedKline);
            return;
        }

        var completed = _aggregator.Add(closedKline);
        for (var i = 0; i < completed.Count; i++)
        {
            UpdateBar(completed[i]);
        }
    }

    /// <summary>Takes one bar of <see cref="RegimeSettings.Interval"/> directly (already aggregated) and classifies it.</summary>
    public void UpdateBar(in Kline bar)
    {
        DetectorBars++;
        _efficiency.Update(bar);
        _adx.Update(bar);
        _volatility.Update(bar);
        var percentile = _volatility.IsReady ? _percentile.RankAndAdd(_volatility.Value) : double.NaN;
        if (!_efficiency.IsReady || !_adx.IsReady || double.IsNaN(percentile))
        {
            return;
        }

        Step(new RegimeReading(_efficiency.Value, _adx.Value, percentile));
    }

    /// <summary>Applies one reading: classification, then the minimum-duration rule.</summary>
    public void Step(RegimeReading reading)
    {
        LastReading = reading;
        var called = Classify(Regime, reading, Settings);
        var mayChange = Regime == MarketRegime.Undetermined
            || BarsInRegime >= Settings.MinBarsInRegime
            || (called == MarketRegime.Extreme && Settings.ExtremeBypassesMinimum);
        if (called != Regime && mayChange)
        {
            Regime = called;
            BarsInRegime = 1;
        }
        else
        {
            BarsInRegime++;
        }
    }

    /// <inheritdoc />
    public string Describe() => LastReading is { } reading
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"{Regime} on {Settings.Interval} bars: ER {reading.EfficiencyRatio:0.000}, ADX {reading.Adx:0.0}, volatility percentile {reading.VolatilityPercentile:0.000}")
        : "regime undetermined: indicators warming up";
}
