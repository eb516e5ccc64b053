using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Sizing;
using Rari.Domain.Strategies.Volatility;

namespace Rari.Actors.Settings;

/// <summary>The trader's settings from the <c>rari</c> HOCON block, one record per component.</summary>
/// <param name="Risk"><c>rari.risk</c>: the account-wide limits.</param>
/// <param name="Grid"><c>rari.grid</c>: the grid strategy.</param>
/// <param name="Volatility"><c>rari.volatility</c>, with the Kelly cap of <c>rari.sizing</c> in it.</param>
/// <param name="Hybrid"><c>rari.hybrid</c>, with its regime detector.</param>
/// <param name="Kelly"><c>rari.sizing.kelly</c>: the fractional Kelly cap.</param>
/// <param name="Assets"><c>rari.assets</c>: leverage and preferred strategy per symbol.</param>
public sealed record RariSettings(
    RiskLimits Risk,
    GridSettings Grid,
    VolatilitySettings Volatility,
    HybridSettings Hybrid,
    KellySettings Kelly,
    AssetProfileTable Assets)
{
    /// <summary>The code defaults, which <c>hocon/rari.conf</c> repeats.</summary>
    public static RariSettings Default { get; } = new(
        RiskLimits.Default, GridSettings.Default, VolatilitySettings.Default, HybridSettings.Default, new KellySettings(), AssetProfileTable.Default);

    /// <summary><c>rari.market-data</c>: the node's market-data stream.</summary>
    public MarketDataSettings MarketData { get; init; } = MarketDataSettings.Default;

    /// <summary><c>rari.strategy-actors</c>: the strategy actors and their supervisors.</summary>
    public StrategyActorSettings StrategyActors { get; init; } = StrategyActorSettings.Default;

    /// <summary><c>rari.persistence</c>: where the journal and snapshots are kept.</summary>
    public Persistence.PersistenceSettings Persistence { get; init; } = Actors.Persistence.PersistenceSettings.Default;

    /// <summary><c>rari.gateway</c>: the exchange gateway.</summary>
    public GatewaySettings Gateway { get; init; } = GatewaySettings.Default;

    /// <summary>The strategies a symbol runs, making their client order ids with the gateway's prefix.</summary>
    public StrategySet Strategies => new(Grid, Volatility, Hybrid) { ClientOrderIdPrefix = Gateway.ClientOrderIdPrefix };
}
