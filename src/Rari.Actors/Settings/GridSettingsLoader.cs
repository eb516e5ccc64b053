using Akka.Configuration;
using Rari.Domain.Strategies.Grid;

namespace Rari.Actors.Settings;

/// <summary>Reads <c>rari.grid</c> into <see cref="GridSettings"/>; keys are the properties in kebab case (see <c>hocon/rari.conf</c>).</summary>
/// <remarks>Two keys differ from the property names: <c>levels</c> (<see cref="GridSettings.LevelCount"/>) and
/// <c>bar-interval</c>, a duration (<see cref="GridSettings.BarMs"/>).</remarks>
public static class GridSettingsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.grid";

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.grid</c> itself (null: all defaults).</summary>
    /// <exception cref="SettingsException">A key is missing its value, does not parse, is unknown, or the settings are invalid; every problem is listed.</exception>
    public static GridSettings Create(Config? section)
    {
        var reader = new ConfigReader(section, Path);
        var settings = Read(reader);
        reader.ThrowIfAny();
        return settings;
    }

    /// <summary>Reads the block through <paramref name="reader"/>, adding its problems there; the defaults stand in for bad keys.</summary>
    public static GridSettings Read(ConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var d = GridSettings.Default;
        var settings = new GridSettings
        {
            Direction = reader.Enum("direction", d.Direction),
            LevelCount = reader.Int("levels", d.LevelCount),
            SpacingMode = reader.Enum("spacing-mode", d.SpacingMode),
            RangeSource = reader.Enum("range-source", d.RangeSource),
            Spacing = reader.Decimal("spacing", d.Spacing),
            LowerPrice = reader.NullableDecimal("lower-price", d.LowerPrice),
            UpperPrice = reader.NullableDecimal("upper-price", d.UpperPrice),
            VolatilitySource = reader.Enum("volatility-source", d.VolatilitySource),
            VolatilityWindow = reader.Int("volatility-window", d.VolatilityWindow),
            VolatilityMultiplier = reader.Decimal("volatility-multiplier", d.VolatilityMultiplier),
            MinSpacing = reader.Decimal("min-spacing", d.MinSpacing),
            MaxSpacing = reader.Decimal("max-spacing", d.MaxSpacing),
            NotionalPerLevel = reader.Decimal("notional-per-level", d.NotionalPerLevel),
            PostOnly = reader.Bool("post-only", d.PostOnly),
            ReduceOnlyExits = reader.Bool("reduce-only-exits", d.ReduceOnlyExits),
            Rebalance = reader.Enum("rebalance", d.Rebalance),
            RecentreAfterBars = reader.Int("recentre-after-bars", d.RecentreAfterBars),
            FeeCoverage = reader.Decimal("fee-coverage", d.FeeCoverage),
            MinStepMargin = reader.Decimal("min-step-margin", d.MinStepMargin),
            LiquidityShare = reader.Decimal("liquidity-share", d.LiquidityShare),
            LiquidityBand = reader.Decimal("liquidity-band", d.LiquidityBand),
            StopLossDistance = reader.NullableDecimal("stop-loss-distance", d.StopLossDistance),
            TakeProfitDistance = reader.NullableDecimal("take-profit-distance", d.TakeProfitDistance),
            StopLossAmount = reader.NullableDecimal("stop-loss-amount", d.StopLossAmount),
            TakeProfitAmount = reader.NullableDecimal("take-profit-amount", d.TakeProfitAmount),
            CooldownBars = reader.NullableInt("cooldown-bars", d.CooldownBars),
            RefusalRetryBars = reader.Int("refusal-retry-bars", d.RefusalRetryBars),
            RetryBackoffBars = reader.Int("retry-backoff-bars", d.RetryBackoffBars),
            MaxRetryBackoffBars = reader.Int("max-retry-backoff-bars", d.MaxRetryBackoffBars),
            MaxOpenOrders = reader.NullableInt("max-open-orders", d.MaxOpenOrders),
            BarMs = (long)reader.Duration("bar-interval", TimeSpan.FromMilliseconds(d.BarMs)).TotalMilliseconds,
        };
        reader.RejectUnknownKeys();
        reader.AddValidation(settings.Problems(), KeyOf);
        return settings;
    }

    /// <summary>The key of a <see cref="GridSettings"/> property, as validation messages name it.</summary>
    public static string KeyOf(string property) => property switch
    {
        nameof(GridSettings.LevelCount) => "levels",
        nameof(GridSettings.BarMs) => "bar-interval",
        _ => ConfigText.Kebab(property),
    };
}
