using Akka.Configuration;

namespace Rari.Actors.Settings;

/// <summary>
/// Reads every block of <c>rari</c> into <see cref="RariSettings"/>, reporting the problems of all blocks at once.
/// </summary>
/// <remarks>
/// Blocks read here: <c>risk</c>, <c>grid</c>, <c>volatility</c>, <c>hybrid</c>, <c>sizing</c>, <c>assets</c>,
/// <c>market-data</c>, <c>strategy-actors</c>, <c>persistence</c>, <c>gateway</c>.
/// <c>backtest</c> belongs to the backtester, <c>dashboard</c> and <c>alerts</c> to the node's dashboard
/// (Rari.Dashboard), <c>live-market</c> to the node's simulator; they are accepted without being read here. Any other
/// block under <c>rari</c> is reported as unknown.
/// </remarks>
public static class RariSettingsLoader
{
    /// <summary>The root block's path.</summary>
    public const string Path = "rari";

    /// <summary>The block the backtester reads.</summary>
    public const string BacktestBlock = "backtest";

    /// <summary>The block the node's dashboard reads (Rari.Dashboard).</summary>
    public const string DashboardBlock = "dashboard";

    /// <summary>The block the node's alerts read (Rari.Dashboard).</summary>
    public const string AlertsBlock = "alerts";

    /// <summary>The block the node's live-market simulator reads (<c>--market live</c>; Rari.Node).</summary>
    public const string LiveMarketBlock = "live-market";

    /// <summary>Reads <c>rari</c> from the whole configuration <paramref name="root"/>.</summary>
    /// <exception cref="SettingsException">Every problem of every block.</exception>
    public static RariSettings Create(Config root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var reader = new ConfigReader(root.GetConfig(Path), Path);
        var settings = Read(reader);
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
        var marketData = MarketDataSettingsLoader.Read(rari.Child("market-data"));
        var strategyActors = StrategyActorSettingsLoader.Read(rari.Child("strategy-actors"));
        var persistence = Persistence.PersistenceSettingsLoader.Read(rari.Child(Persistence.PersistenceSettingsLoader.Block));
        var gateway = GatewaySettingsLoader.Read(rari.Child("gateway"));

        // The node's dashboard reads these two blocks itself (Rari.Dashboard, which the actors do not know).
        rari.Accept(DashboardBlock);
        rari.Accept(AlertsBlock);
        rari.Accept(LiveMarketBlock);
        return new RariSettings(risk, grid, volatility, hybrid, kelly, assets)
        {
            MarketData = marketData,
            StrategyActors = strategyActors,
            Persistence = persistence,
            Gateway = gateway,
        };
    }
}
