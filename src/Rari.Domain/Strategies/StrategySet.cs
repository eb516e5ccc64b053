using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Sizing;
using Rari.Domain.Strategies.Volatility;

namespace Rari.Domain.Strategies;

/// <summary>
/// The settings of the three strategies, and the factory that makes the strategy a symbol runs, in a backtest or live — the
/// same Domain objects, with the same ids, that the strategy actors host.
/// </summary>
/// <param name="Grid"><c>rari.grid</c>.</param>
/// <param name="Volatility"><c>rari.volatility</c> (with the Kelly cap).</param>
/// <param name="Hybrid"><c>rari.hybrid</c>.</param>
public sealed record StrategySet(GridSettings Grid, VolatilitySettings Volatility, HybridSettings Hybrid)
{
    /// <summary>The grid's strategy id (standalone).</summary>
    public static readonly StrategyId GridId = new("grid");

    /// <summary>The volatility strategy's id (standalone).</summary>
    public static readonly StrategyId VolatilityId = new("vol");

    /// <summary>The hybrid's own id.</summary>
    public static readonly StrategyId HybridId = new("hybrid");

    /// <summary>The hybrid's grid child.</summary>
    public static readonly StrategyId HybridGridId = new("hgrid");

    /// <summary>The hybrid's volatility child.</summary>
    public static readonly StrategyId HybridVolatilityId = new("hvol");

    /// <summary>The defaults of every strategy.</summary>
    public static StrategySet Default { get; } = new(GridSettings.Default, VolatilitySettings.Default, HybridSettings.Default);

    /// <summary>
    /// The prefix of the client order ids the strategies make (<c>rari.gateway.client-order-id-prefix</c>): the gateway
    /// takes only orders with its own prefix for ours, so the strategies must make theirs with the same one.
    /// </summary>
    public string ClientOrderIdPrefix { get; init; } = ClientOrderIdFactory.DefaultPrefix;

    /// <summary>A fresh strategy of <paramref name="kind"/> for <paramref name="symbol"/>.</summary>
    /// <exception cref="ArgumentException">The settings are invalid, or the kind is unknown.</exception>
    public ITradingStrategy Create(StrategyKind kind, Symbol symbol)
    {
        var ids = new ClientOrderIdFactory(ClientOrderIdPrefix);
        return kind switch
        {
            StrategyKind.Grid => new GridStrategy(GridId, symbol, Grid, ids),
            StrategyKind.Volatility => new VolatilityStrategy(VolatilityId, symbol, Volatility, ids),
            StrategyKind.Hybrid => new HybridStrategy(
                HybridId,
                symbol,
                new GridStrategy(HybridGridId, symbol, Grid, ids),
                new VolatilityStrategy(HybridVolatilityId, symbol, Volatility, ids),
                Hybrid,
                ids),
            _ => throw new ArgumentException($"Unknown strategy kind {kind}.", nameof(kind)),
        };
    }
}
