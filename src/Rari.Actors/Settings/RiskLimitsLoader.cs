using Akka.Configuration;

namespace Rari.Actors.Settings;

/// <summary>
/// Reads <c>rari.risk</c> into <see cref="RiskLimits"/>: every key of the block (through <see cref="RiskSettingsLoader"/>),
/// so that <see cref="RiskLimits.Settings"/> holds all the risk gate's limits.
/// </summary>
public static class RiskLimitsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = RiskSettingsLoader.Path;

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.risk</c> itself (null: all defaults).</summary>
    /// <exception cref="SettingsException">Every problem with the block's keys.</exception>
    public static RiskLimits Create(Config? section)
    {
        var reader = new ConfigReader(section, Path);
        var limits = Read(reader);
        reader.ThrowIfAny();
        return limits;
    }

    /// <summary>Reads the block through <paramref name="reader"/>, adding its problems there.</summary>
    public static RiskLimits Read(ConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var settings = RiskSettingsLoader.ReadValues(reader);
        var limits = new RiskLimits { Settings = settings };

        // The three headline limits keep the words they have always been reported in; the Domain's rules then check
        // every key, and a key already blamed is not blamed twice.
        reader.AddValidation(limits.Validate());
        RiskSettingsLoader.Validate(reader, settings);
        return limits;
    }
}
