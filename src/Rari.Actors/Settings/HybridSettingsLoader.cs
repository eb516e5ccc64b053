using Akka.Configuration;
using Rari.Domain.Strategies.Hybrid;

namespace Rari.Actors.Settings;

/// <summary>Reads <c>rari.hybrid</c> (with its <c>regime</c> block) into <see cref="HybridSettings"/> and <see cref="RegimeSettings"/>.</summary>
public static class HybridSettingsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.hybrid";

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.hybrid</c> itself (null: all defaults).</summary>
    /// <exception cref="SettingsException">Every problem with the block's keys.</exception>
    public static HybridSettings Create(Config? section)
    {
        var reader = new ConfigReader(section, Path);
        var settings = Read(reader);
        reader.ThrowIfAny();
        return settings;
    }

    /// <summary>Reads the block through <paramref name="reader"/>, adding its problems there.</summary>
    public static HybridSettings Read(ConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var d = HybridSettings.Default;
        var regime = ReadRegime(reader.Child("regime"));
        var settings = new HybridSettings
        {
            Regime = regime,
            SwitchPosition = reader.Enum("switch-position", d.SwitchPosition),
            OnExtreme = reader.Enum("on-extreme", d.OnExtreme),
            CancelTimeout = reader.Duration("cancel-timeout", d.CancelTimeout),
        };
        reader.RejectUnknownKeys();

        // The regime's messages name their keys "regime.<key>", relative to this block.
        reader.AddValidation(settings.Validate());
        return settings;
    }

    private static RegimeSettings ReadRegime(ConfigReader reader)
    {
        var d = RegimeSettings.Default;
        var settings = new RegimeSettings
        {
            Interval = reader.Interval("interval", d.Interval),
            EfficiencyRatioPeriod = reader.Int("efficiency-ratio-period", d.EfficiencyRatioPeriod),
            AdxPeriod = reader.Int("adx-period", d.AdxPeriod),
            VolatilityWindow = reader.Int("volatility-window", d.VolatilityWindow),
            VolatilityPercentileWindow = reader.Int("volatility-percentile-window", d.VolatilityPercentileWindow),
            TrendEnterAdx = reader.Double("trend-enter-adx", d.TrendEnterAdx),
            TrendExitAdx = reader.Double("trend-exit-adx", d.TrendExitAdx),
            TrendEnterEfficiency = reader.Double("trend-enter-efficiency", d.TrendEnterEfficiency),
            TrendExitEfficiency = reader.Double("trend-exit-efficiency", d.TrendExitEfficiency),
            ExtremeEnterPercentile = reader.Double("extreme-enter-percentile", d.ExtremeEnterPercentile),
            ExtremeExitPercentile = reader.Double("extreme-exit-percentile", d.ExtremeExitPercentile),
            MinBarsInRegime = reader.Int("min-bars-in-regime", d.MinBarsInRegime),
            ExtremeBypassesMinimum = reader.Bool("extreme-bypasses-minimum", d.ExtremeBypassesMinimum),
        };
        reader.RejectUnknownKeys();
        return settings;
    }
}
