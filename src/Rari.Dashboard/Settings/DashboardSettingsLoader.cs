using Akka.Configuration;
using Rari.Actors.Settings;

namespace Rari.Dashboard.Settings;

/// <summary>Reads <c>rari.dashboard</c> into <see cref="DashboardSettings"/>.</summary>
public static class DashboardSettingsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.dashboard";

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.dashboard</c> itself (null: all defaults).</summary>
    /// <exception cref="SettingsException">Every problem with the block's keys.</exception>
    public static DashboardSettings Create(Config? section)
    {
        var reader = new ConfigReader(section, Path);
        var settings = Read(reader);
        reader.ThrowIfAny();
        return settings;
    }

    /// <summary>Reads the block through <paramref name="reader"/>, adding its problems there.</summary>
    public static DashboardSettings Read(ConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var d = DashboardSettings.Default;
        var settings = new DashboardSettings
        {
            Enabled = reader.Bool("enabled", d.Enabled),
            Bind = reader.Text("bind", d.Bind),
            Port = reader.Int("port", d.Port),
            RefreshInterval = reader.Duration("refresh-interval", d.RefreshInterval),
            ActivitySize = reader.Int("activity-size", d.ActivitySize),
            EquityPoints = reader.Int("equity-points", d.EquityPoints),
        };
        reader.RejectUnknownKeys();
        reader.AddValidation(settings.Validate());
        return settings;
    }
}
