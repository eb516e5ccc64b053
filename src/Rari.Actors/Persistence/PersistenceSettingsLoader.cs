using Akka.Configuration;
using Rari.Actors.Settings;

namespace Rari.Actors.Persistence;

/// <summary>Reads <c>rari.persistence</c> into <see cref="PersistenceSettings"/> (keys: <c>provider</c>, <c>sqlite-path</c>, <c>tag-mode</c>).</summary>
public static class PersistenceSettingsLoader
{
    /// <summary>The block's path.</summary>
    public const string Path = "rari.persistence";

    /// <summary>The block's name under <c>rari</c>.</summary>
    public const string Block = "persistence";

    private const string RemovedSnapshotEvery = "snapshot-every";

    /// <summary>Reads the block; <paramref name="section"/> is <c>rari.persistence</c> itself (null: all defaults).</summary>
    /// <exception cref="SettingsException">Every problem with the block's keys.</exception>
    public static PersistenceSettings Create(Config? section)
    {
        var reader = new ConfigReader(section, Path);
        var settings = Read(reader);
        reader.ThrowIfAny();
        return settings;
    }

    /// <summary>Reads the block through <paramref name="reader"/> (a reader of <c>rari.persistence</c>), adding its problems there.</summary>
    public static PersistenceSettings Read(ConfigReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var d = PersistenceSettings.Default;
        var settings = new PersistenceSettings
        {
            Provider = reader.Enum("provider", d.Provider),
            SqlitePath = reader.Text("sqlite-path", d.SqlitePath),
            TagMode = reader.Enum("tag-mode", d.TagMode),
        };
        if (reader.PresentKeys().Contains(RemovedSnapshotEvery, StringComparer.Ordinal))
        {
            // It was read by nothing: each persistent actor has its own. An old file learns where the setting went.
            reader.Add(RemovedSnapshotEvery, null, "unknown key; snapshots are set per actor: rari.strategy-actors.snapshot-every, rari.gateway.snapshot-every");
        }

        reader.RejectUnknownKeys();
        reader.AddValidation(settings.Validate());
        return settings;
    }
}
