using System.Globalization;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Domain.Strategies.Volatility;

/// <summary>
/// The volatility strategy's parameters (HOCON block <c>rari.volatility</c>), with the original tool's values where it had
/// them: stop-loss 3 %, take-profit 5 %, an 8-hour maximum holding time, 1,000 USDT largest position, and a volatility
/// multiplier of 1.5 for the expansion test.
/// </summary>
/// <remarks>
/// <para>Bar counts are counts of the bars the strategy is fed (1-minute klines unless the host says otherwise); durations
/// (entry timeout, holding time) are market time. Thresholds on statistics are <see cref="double"/> (indicators are
/// statistics); money, prices and percentages of prices are <see cref="decimal"/>.</para>
/// <para>Values the original tool did not have are conventional: a 20-bar breakout range, a 20-bar z-score with a
/// threshold of 2, and 1 % of equity at risk per trade.</para>
/// <para><see cref="Validate"/> lists every bad value; the strategy refuses invalid settings at construction.</para>
/// </remarks>
public sealed record VolatilitySettings
{
    /// <summary>The defaults.</summary>
    public static VolatilitySettings Default { get; } = new();

    /// <summary>Whether range breakouts with volatility expansion open positions.</summary>
    public bool MomentumEnabled { get; init; } = true;

    /// <summary>The breakout range: highest high and lowest low of this many bars before the signal bar. Default 20.</summary>
    public int BreakoutLookback { get; init; } = 20;

    /// <summary>Which measure must expand to confirm a breakout. Default realized volatility.</summary>
    public VolatilityMeasure ExpansionMeasure { get; init; } = VolatilityMeasure.RealizedVolatility;

    /// <summary>Bars in the short (current) volatility window. Default 10.</summary>
    public int ExpansionShortWindow { get; init; } = 10;

    /// <summary>Bars in the long (reference) volatility window. Default 60.</summary>
    public int ExpansionLongWindow { get; init; } = 60;

    /// <summary>The expansion test: short-window volatility &gt; this × long-window volatility. Default 1.5 (the original's volatility multiplier).</summary>
    public double ExpansionFactor { get; init; } = 1.5;

    /// <summary>Whether confirmed statistical extremes open positions against the move.</summary>
    public bool MeanReversionEnabled { get; init; } = true;

    /// <summary>Which extreme arms a mean-reversion entry. Default z-score.</summary>
    public MeanReversionTrigger MeanReversionTrigger { get; init; } = MeanReversionTrigger.ZScore;

    /// <summary>Bars in the z-score / Bollinger window. Default 20.</summary>
    public int MeanReversionWindow { get; init; } = 20;

    /// <summary>|z| at or above which a close is an extreme. Default 2.</summary>
    public double ZScoreThreshold { get; init; } = 2.0;

    /// <summary>Bollinger band width k, in population standard deviations. Default 2.</summary>
    public double BollingerWidth { get; init; } = 2.0;

    /// <summary>How the entry is sent. Default MARKET.</summary>
    public EntryOrderStyle EntryOrder { get; init; } = EntryOrderStyle.Market;

    /// <summary>For <see cref="EntryOrderStyle.MarketableLimit"/>: how far through the touch the limit is priced, as a fraction. Default 0.1 %.</summary>
    public decimal MarketableLimitOffset { get; init; } = 0.001m;

    /// <summary>
    /// A resting entry (<see cref="EntryOrderStyle.LimitAtTouch"/>) still working after this long is cancelled (the filled
    /// part, if any, is kept and protected). MARKET and IOC entries end by themselves and never time out. Default 2 minutes.
    /// </summary>
    public TimeSpan EntryTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Share of equity put at risk per trade: quantity = equity × this / stop distance. Default 1 %.</summary>
    public decimal RiskPerTrade { get; init; } = 0.01m;

    /// <summary>Where the stop distance comes from. Default the stop-loss percentage.</summary>
    public StopDistanceMode StopDistance { get; init; } = StopDistanceMode.StopLossPercent;

    /// <summary>Wilder period of the ATR used for ATR stops. Default 14.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>For <see cref="StopDistanceMode.AtrMultiple"/>: stop distance = this × ATR. Default 2.</summary>
    public decimal AtrStopMultiple { get; init; } = 2m;

    /// <summary>Largest position value, USDT (the original's max position size). Default 1,000.</summary>
    public decimal MaxNotional { get; init; } = 1_000m;

    /// <summary>The fractional Kelly cap on the risk per trade. Disabled by default.</summary>
    public KellySettings Kelly { get; init; } = new();

    /// <summary>Stop-loss distance as a fraction of the entry price (when <see cref="StopDistance"/> says so). Default 3 %.</summary>
    public decimal StopLossPercent { get; init; } = 0.03m;

    /// <summary>Take-profit distance as a fraction of the entry price. Default 5 %.</summary>
    public decimal TakeProfitPercent { get; init; } = 0.05m;

    /// <summary>Whether the stop trails the best price in the position's favour.</summary>
    public bool TrailingEnabled { get; init; }

    /// <summary>Favourable move, as a fraction of the entry price, before the stop starts to trail. Default 0 (at once).</summary>
    public decimal TrailingActivationPercent { get; init; }

    /// <summary>The trailing stop moves only by at least the larger of this many ticks and <see cref="TrailingMinStepPercent"/> of the price, so it does not churn orders. Default 1 tick.</summary>
    public int TrailingMinStepTicks { get; init; } = 1;

    /// <summary>The smallest trailing move as a fraction of the price (see <see cref="TrailingMinStepTicks"/>). Default 0.1 %.</summary>
    public decimal TrailingMinStepPercent { get; init; } = 0.001m;

    /// <summary>A position held this long is closed at market; <see cref="TimeSpan.Zero"/> disables. Default 8 hours (the original's 480 minutes).</summary>
    public TimeSpan MaxHoldingTime { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Every problem with these settings, one message per field (field, value, why); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, MomentumEnabled || MeanReversionEnabled, $"momentum-enabled and mean-reversion-enabled are both off: the strategy would never trade.");
        Check(errors, BreakoutLookback >= 1, $"breakout-lookback = {BreakoutLookback}: must be at least 1 bar.");
        Check(errors, Enum.IsDefined(ExpansionMeasure), $"expansion-measure = {ExpansionMeasure}: unknown measure.");
        Check(errors, ExpansionShortWindow >= 2, $"expansion-short-window = {ExpansionShortWindow}: must be at least 2 bars.");
        Check(errors, ExpansionLongWindow > ExpansionShortWindow, $"expansion-long-window = {ExpansionLongWindow}: must be longer than the short window ({ExpansionShortWindow}).");
        Check(errors, double.IsFinite(ExpansionFactor) && ExpansionFactor > 0, $"expansion-factor = {ExpansionFactor}: must be positive.");
        Check(errors, Enum.IsDefined(MeanReversionTrigger), $"mean-reversion-trigger = {MeanReversionTrigger}: unknown trigger.");
        Check(errors, MeanReversionWindow >= 2, $"mean-reversion-window = {MeanReversionWindow}: must be at least 2 bars.");
        Check(errors, double.IsFinite(ZScoreThreshold) && ZScoreThreshold > 0, $"z-score-threshold = {ZScoreThreshold}: must be positive.");
        Check(errors, double.IsFinite(BollingerWidth) && BollingerWidth > 0, $"bollinger-width = {BollingerWidth}: must be positive.");
        Check(errors, Enum.IsDefined(EntryOrder), $"entry-order = {EntryOrder}: unknown order style.");
        Check(errors, MarketableLimitOffset is >= 0m and < 0.05m, $"marketable-limit-offset = {MarketableLimitOffset}: must be in [0, 0.05).");
        Check(errors, EntryTimeout > TimeSpan.Zero, $"entry-timeout = {EntryTimeout}: must be positive.");
        Check(errors, RiskPerTrade is > 0m and <= 0.5m, $"risk-per-trade = {RiskPerTrade}: must be in (0, 0.5].");
        Check(errors, Enum.IsDefined(StopDistance), $"stop-distance = {StopDistance}: unknown mode.");
        Check(errors, AtrPeriod >= 1, $"atr-period = {AtrPeriod}: must be at least 1 bar.");
        Check(errors, AtrStopMultiple > 0m, $"atr-stop-multiple = {AtrStopMultiple}: must be positive.");
        Check(errors, MaxNotional > 0m, $"max-notional = {MaxNotional}: must be positive.");
        Check(errors, StopLossPercent is > 0m and < 1m, $"stop-loss-percent = {StopLossPercent}: must be in (0, 1).");
        Check(errors, TakeProfitPercent is > 0m and < 1m, $"take-profit-percent = {TakeProfitPercent}: must be in (0, 1).");
        Check(errors, TrailingActivationPercent is >= 0m and < 1m, $"trailing-activation-percent = {TrailingActivationPercent}: must be in [0, 1).");
        Check(errors, TrailingMinStepTicks >= 1, $"trailing-min-step-ticks = {TrailingMinStepTicks}: must be at least 1.");
        Check(errors, TrailingMinStepPercent is >= 0m and < 1m, $"trailing-min-step-percent = {TrailingMinStepPercent}: must be in [0, 1).");
        Check(errors, MaxHoldingTime >= TimeSpan.Zero, $"max-holding-time = {MaxHoldingTime}: must not be negative (0 disables).");
        if (Kelly is null)
        {
            errors.Add("kelly: must be set.");
        }
        else
        {
            errors.AddRange(Kelly.Validate());
        }

        return errors;
    }

    /// <summary>Throws when <see cref="Validate"/> finds anything, listing every problem.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public void EnsureValid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid volatility settings: " + string.Join(" ", errors));
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
