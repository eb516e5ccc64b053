using Akka.Configuration;

namespace Rari.Actors.Settings;

/// <summary>Reads <c>rari.risk</c> into <see cref="RiskLimits"/>.</summary>
public static class RiskLimitsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.risk";

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
        var d = RiskLimits.Default;
        var limits = new RiskLimits
        {
            MaxPortfolioRisk = reader.Decimal("max-portfolio-risk", d.MaxPortfolioRisk),
            MaxPositionRisk = reader.Decimal("max-position-risk", d.MaxPositionRisk),
            MaxDailyLoss = reader.Decimal("max-daily-loss", d.MaxDailyLoss),
        };
        reader.RejectUnknownKeys();
        reader.AddValidation(limits.Validate());
        return limits;
    }
}
