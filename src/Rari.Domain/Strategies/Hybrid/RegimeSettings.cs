using System.Globalization;
using Rari.Domain.Market;

namespace Rari.Domain.Strategies.Hybrid;

/// <summary>
/// The regime detector's parameters (HOCON block <c>rari.hybrid.regime</c>): the bar interval it reads, its indicator
/// windows and its hysteresis thresholds.
/// </summary>
/// <remarks>
/// <para><b>Interval: 15-minute bars by default.</b> The detector aggregates the 1-minute stream with
/// <see cref="KlineAggregator"/>. One-minute efficiency and ADX are dominated by microstructure noise (bid/ask bounce,
/// single large trades), while a regime worth switching for lasts hours: a switch cancels the outgoing strategy's
/// orders and closes its position, paying spread and fees. On 15-minute bars a 10-bar efficiency ratio and a 14-bar ADX
/// span 2.5-7 hours, the volatility percentile ranks against the past day (96 bars), and the minimum of 4 bars in a
/// regime means at most one switch an hour. Warm-up needs <see cref="WarmUpBars"/> 1-minute bars (about 28 hours).</para>
/// <para><b>Hysteresis.</b> Extreme is entered at the 95th volatility percentile and left below the 80th. Trending is
/// entered when ADX ≥ 25 and ER ≥ 0.30 (a strong and efficient move) and kept while ADX ≥ 20 or ER ≥ 0.20 (it ends when
/// both have faded). A regime must have lasted <see cref="MinBarsInRegime"/> bars before it may change, except that
/// Extreme is entered at once when <see cref="ExtremeBypassesMinimum"/> (protection does not wait).</para>
/// </remarks>
public sealed record RegimeSettings
{
    /// <summary>The defaults.</summary>
    public static RegimeSettings Default { get; } = new();

    /// <summary>The bar interval the detector classifies (aggregated from 1-minute bars). Default 15 minutes.</summary>
    public KlineInterval Interval { get; init; } = KlineInterval.FifteenMinutes;

    /// <summary>Changes in Kaufman's efficiency ratio. Default 10.</summary>
    public int EfficiencyRatioPeriod { get; init; } = 10;

    /// <summary>Wilder period of the ADX. Default 14.</summary>
    public int AdxPeriod { get; init; } = 14;

    /// <summary>Returns in the realized-volatility window. Default 16 (4 hours of 15-minute bars).</summary>
    public int VolatilityWindow { get; init; } = 16;

    /// <summary>Past volatility values the current one is ranked among. Default 96 (a day of 15-minute bars).</summary>
    public int VolatilityPercentileWindow { get; init; } = 96;

    /// <summary>ADX at or above which (with ER) a trend begins. Default 25.</summary>
    public double TrendEnterAdx { get; init; } = 25;

    /// <summary>ADX at or above which a trend is kept. Default 20.</summary>
    public double TrendExitAdx { get; init; } = 20;

    /// <summary>Efficiency ratio at or above which (with ADX) a trend begins. Default 0.30.</summary>
    public double TrendEnterEfficiency { get; init; } = 0.30;

    /// <summary>Efficiency ratio at or above which a trend is kept. Default 0.20.</summary>
    public double TrendExitEfficiency { get; init; } = 0.20;

    /// <summary>Volatility percentile at or above which the market is extreme. Default 0.95.</summary>
    public double ExtremeEnterPercentile { get; init; } = 0.95;

    /// <summary>Volatility percentile at or above which an extreme market stays extreme. Default 0.80.</summary>
    public double ExtremeExitPercentile { get; init; } = 0.80;

    /// <summary>Bars a regime must have lasted before it may change. Default 4.</summary>
    public int MinBarsInRegime { get; init; } = 4;

    /// <summary>Whether Extreme is entered without waiting for <see cref="MinBarsInRegime"/>. Default true.</summary>
    public bool ExtremeBypassesMinimum { get; init; } = true;

    /// <summary>Detector bars needed before the first classification.</summary>
    public int WarmUpDetectorBars => Math.Max(
        Math.Max(EfficiencyRatioPeriod + 1, 2 * AdxPeriod), VolatilityWindow + 1 + VolatilityPercentileWindow);

    /// <summary>1-minute bars needed before the first classification.</summary>
    public long WarmUpBars => WarmUpDetectorBars * (Interval.DurationMs / KlineInterval.OneMinute.DurationMs);

    /// <summary>Every problem with these settings, one message per field (field, value, why); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var interval = Interval.ToString();
        Check(errors, interval.Length > 0 && Interval.IsFixedLength && Interval.DurationMs % KlineInterval.OneMinute.DurationMs == 0,
            $"regime.interval = {interval}: must be a fixed-length interval built from 1-minute bars (1m to 1w).");
        Check(errors, EfficiencyRatioPeriod >= 1, $"regime.efficiency-ratio-period = {EfficiencyRatioPeriod}: must be at least 1.");
        Check(errors, AdxPeriod >= 1, $"regime.adx-period = {AdxPeriod}: must be at least 1.");
        Check(errors, VolatilityWindow >= 2, $"regime.volatility-window = {VolatilityWindow}: must be at least 2.");
        Check(errors, VolatilityPercentileWindow >= 2, $"regime.volatility-percentile-window = {VolatilityPercentileWindow}: must be at least 2.");
        Check(errors, TrendEnterAdx is > 0 and <= 100, $"regime.trend-enter-adx = {TrendEnterAdx}: must be in (0, 100].");
        Check(errors, TrendExitAdx >= 0 && TrendExitAdx < TrendEnterAdx, $"regime.trend-exit-adx = {TrendExitAdx}: must be in [0, trend-enter-adx = {TrendEnterAdx}).");
        Check(errors, TrendEnterEfficiency is > 0 and <= 1, $"regime.trend-enter-efficiency = {TrendEnterEfficiency}: must be in (0, 1].");
        Check(errors, TrendExitEfficiency >= 0 && TrendExitEfficiency < TrendEnterEfficiency,
            $"regime.trend-exit-efficiency = {TrendExitEfficiency}: must be in [0, trend-enter-efficiency = {TrendEnterEfficiency}).");
        Check(errors, ExtremeEnterPercentile is > 0 and <= 1, $"regime.extreme-enter-percentile = {ExtremeEnterPercentile}: must be in (0, 1].");
        Check(errors, ExtremeExitPercentile >= 0 && ExtremeExitPercentile < ExtremeEnterPercentile,
            $"regime.extreme-exit-percentile = {ExtremeExitPercentile}: must be in [0, extreme-enter-percentile = {ExtremeEnterPercentile}).");
        Check(errors, MinBarsInRegime >= 1, $"regime.min-bars-in-regime = {MinBarsInRegime}: must be at least 1.");
        return errors;
    }

    /// <summary>Throws when <see cref="Validate"/> finds anything, listing every problem.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid regime settings: " + string.Join(" ", errors));
        }
    }

    private static void Check(List<string> errors, bool valid, FormattableString message)
    {
        if (!valid)
        {
            errors.Add(message.ToString(CultureInfo.InvariantCulture));
        }
    }
}
