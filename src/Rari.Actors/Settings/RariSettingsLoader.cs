using Akka.Configuration;

namespace Rari.Actors.Settings;

/// <summary>
/// Reads every block of <c>rari</c> into <see cref="RariSettings"/>, reporting the problems of all blocks at once.
/// </summary>
/// <remarks>
/// Blocks read here: <c>risk</c>, <c>grid</c>, <c>volatility</c>, <c>hybrid</c>, <c>sizing</c>, <c>assets</c>.
/// <c>backtest</c> belongs to the backtester and is accepted without being read; any other block under <c>rari</c>
/// is reported as unknown.
/// </remarks>
public static class RariSettingsLoader
{
    /// <summary>The root block's path.</summary>
    public const string Path = "rari";

    /// <summary>The block the backtester reads.</summary>
    public const string BacktestBlock = "backtest";

    /// <summary>Reads <c>rari</c> from the whole configuration <paramref name="root"/>.</summary>
    /// <exception cref="SettingsException">Every problem of every block.</exception>
    public static RariSettings Create(Config root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var reader = new ConfigReader(root.GetConfig(Path), Path);
        var settings = Read(reader);

        // rari.persistence is checked with the rest (one start-up names every bad key); the node builds the journal's
        // configuration from it with PersistenceSettingsLoader and PersistenceConfig.
        Persistence.PersistenceSettingsLoader.Read(reader.Child(Persistence.PersistenceSettingsLoader.Block));
        reader.Accept(BacktestBlock);
        reader.RejectUnknownKeys();
        reader.ThrowIfAny();
        return settings;
    }

    /// <summary>
    /// Reads the trader's blocks through <paramref name="rari"/> (a reader of the <c>rari</c> block), adding their
    /// problems there. The caller may read further blocks with the same reader, then rejects unknown keys and throws.
    /// </summary>
    public static RariSettings Read(ConfigReader rari)
    {
        ArgumentNullException.ThrowIfNull(rari);
        var risk = RiskLimitsLoader.Read(rari.Child("risk"));
        var grid = GridSettingsLoader.Read(rari.Child("grid"));
        var kelly = KellySettingsLoader.Read(rari.Child("sizing"));
        var volatility = VolatilitySettingsLoader.Read(rari.Child("volatility"), kelly);
        var hybrid = HybridSettingsLoader.Read(rari.Child("hybrid"));
        var assets = AssetProfilesLoader.Read(rari.Child("assets"));

        // Checked with the others so a bad key stops start-up; the node reads the gateway's block again to build it.
        _ = GatewaySettingsLoader.Read(rari.Child("gateway"));
        return new RariSettings(risk, grid, volatility, hybrid, kelly, assets);
    }
}
