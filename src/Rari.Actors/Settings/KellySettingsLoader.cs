using Akka.Configuration;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Settings;

/// <summary>Reads <c>rari.sizing</c>, whose <c>kelly</c> block becomes <see cref="KellySettings"/> (the fractional Kelly cap).</summary>
public static class KellySettingsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.sizing";

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.sizing</c> itself (null: all defaults).</summary>
    /// <exception cref="SettingsException">Every problem with the block's keys.</exception>
    public static KellySettings Create(Config? section)
    {
        var reader = new ConfigReader(section, Path);
        var settings = Read(reader);
        reader.ThrowIfAny();
        return settings;
    }

    /// <summary>Reads the block through <paramref name="reader"/> (the <c>rari.sizing</c> reader), adding its problems there.</summary>
    public static KellySettings Read(ConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var kelly = reader.Child("kelly");
        var d = new KellySettings();
        var settings = new KellySettings
        {
            Enabled = kelly.Bool("enabled", d.Enabled),
            Fraction = kelly.Decimal("fraction", d.Fraction),
            MaxFraction = kelly.Decimal("max-fraction", d.MaxFraction),
            MinTrades = kelly.Int("min-trades", d.MinTrades),
            DefaultFraction = kelly.Decimal("default-fraction", d.DefaultFraction),
        };
        kelly.RejectUnknownKeys();
        reader.RejectUnknownKeys();

        // KellySettings names its fields "kelly.<key>", relative to this block.
        reader.AddValidation(settings.Validate());
        return settings;
    }
}
