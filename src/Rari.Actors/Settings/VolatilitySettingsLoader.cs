using Akka.Configuration;
using Rari.Domain.Strategies.Sizing;
using Rari.Domain.Strategies.Volatility;

namespace Rari.Actors.Settings;

/// <summary>
/// Reads <c>rari.volatility</c> into <see cref="VolatilitySettings"/>; keys are the properties in kebab case (see
/// <c>hocon/rari.conf</c>). The Kelly cap is not part of this block: it comes from <c>rari.sizing.kelly</c>
/// (<see cref="KellySettingsLoader"/>).
/// </summary>
public static class VolatilitySettingsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.volatility";

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.volatility</c> itself (null: all defaults).</summary>
    /// <param name="section">The block.</param>
    /// <param name="kelly">The Kelly cap to use (from <c>rari.sizing</c>); the default (off) when null.</param>
    /// <exception cref="SettingsException">Every problem with the block's keys.</exception>
    public static VolatilitySettings Create(Config? section, KellySettings? kelly = null)
    {
        var reader = new ConfigReader(section, Path);
        var settings = Read(reader, kelly ?? new KellySettings());
        reader.ThrowIfAny();
        return settings;
    }

    /// <summary>Reads the block through <paramref name="reader"/>, adding its problems there.</summary>
    public static VolatilitySettings Read(ConfigReader reader, KellySettings kelly)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(kelly);
        var d = VolatilitySettings.Default;
        var settings = new VolatilitySettings
        {
            MomentumEnabled = reader.Bool("momentum-enabled", d.MomentumEnabled),
            BreakoutLookback = reader.Int("breakout-lookback", d.BreakoutLookback),
            ExpansionMeasure = reader.Enum("expansion-measure", d.ExpansionMeasure),
            ExpansionShortWindow = reader.Int("expansion-short-window", d.ExpansionShortWindow),
            ExpansionLongWindow = reader.Int("expansion-long-window", d.ExpansionLongWindow),
            ExpansionFactor = reader.Double("expansion-factor", d.ExpansionFactor),
            MeanReversionEnabled = reader.Bool("mean-reversion-enabled", d.MeanReversionEnabled),
            MeanReversionTrigger = reader.Enum("mean-reversion-trigger", d.MeanReversionTrigger),
            MeanReversionWindow = reader.Int("mean-reversion-window", d.MeanReversionWindow),
            ZScoreThreshold = reader.Double("z-score-threshold", d.ZScoreThreshold),
            BollingerWidth = reader.Double("bollinger-width", d.BollingerWidth),
            EntryOrder = reader.Enum("entry-order", d.EntryOrder),
            MarketableLimitOffset = reader.Decimal("marketable-limit-offset", d.MarketableLimitOffset),
            EntryTimeout = reader.Duration("entry-timeout", d.EntryTimeout),
            RiskPerTrade = reader.Decimal("risk-per-trade", d.RiskPerTrade),
            StopDistance = reader.Enum("stop-distance", d.StopDistance),
            AtrPeriod = reader.Int("atr-period", d.AtrPeriod),
            AtrStopMultiple = reader.Decimal("atr-stop-multiple", d.AtrStopMultiple),
            MaxNotional = reader.Decimal("max-notional", d.MaxNotional),
            StopLossPercent = reader.Decimal("stop-loss-percent", d.StopLossPercent),
            TakeProfitPercent = reader.Decimal("take-profit-percent", d.TakeProfitPercent),
            TrailingEnabled = reader.Bool("trailing-enabled", d.TrailingEnabled),
            TrailingActivationPercent = reader.Decimal("trailing-activation-percent", d.TrailingActivationPercent),
            TrailingMinStepTicks = reader.Int("trailing-min-step-ticks", d.TrailingMinStepTicks),
            TrailingMinStepPercent = reader.Decimal("trailing-min-step-percent", d.TrailingMinStepPercent),
            MaxHoldingTime = reader.Duration("max-holding-time", d.MaxHoldingTime),
        };
        reader.RejectUnknownKeys();

        // The Kelly block is validated where it is configured (rari.sizing), so it is left out here.
        reader.AddValidation(settings.Validate());
        return settings with { Kelly = kelly };
    }
}
