using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Volatility;

namespace Rari.Domain.Strategies;

/// <summary>
/// Makes the <see cref="RiskRequest"/> for an order a strategy placed: the intent plus the downside the strategy's
/// state knows, so the risk gate's per-trade rule judges it against the strategy's own stop.
/// </summary>
/// <remarks>
/// <para>Read after the decision's events are applied, so the state is the one the order belongs to.</para>
/// <list type="bullet">
/// <item><b>Grid</b>: an order that is not reduce-only carries <see cref="RiskRequest.StopLossPrice"/>, the close at
/// which the grid stops (<see cref="GridSettings.StopLossDistance"/> beyond the range edge on the losing side: below the
/// lowest level for a buy, above the highest for a sell). Null when the grid has no stop distance or no levels.</item>
/// <item><b>Volatility</b>: the entry carries <see cref="RiskRequest.WorstCaseLossPerUnit"/>, the stop distance it was
/// sized with (<see cref="VolatilityState.StopDistance"/>). Its exits are reduce-only.</item>
/// <item><b>Hybrid</b>: the child that owns the order (by the strategy id in the intent) answers; the hybrid's own
/// orders close positions and are reduce-only.</item>
/// </list>
/// <para>Orders that cannot add exposure (reduce-only, closePosition) carry nothing: the gate passes them anyway.</para>
/// </remarks>
public static class RiskRequests
{
    /// <summary>The request for <paramref name="intent"/>, placed by <paramref name="strategy"/> (or one of its children).</summary>
    public static RiskRequest For(ITradingStrategy strategy, OrderIntent intent)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(intent);
        var request = new RiskRequest(intent);
        if (intent.ReduceOnly || intent.ClosePosition)
        {
            return request;
        }

        return Owner(strategy, intent) switch
        {
            GridStrategy grid => GridStop(grid.State, intent.Side) is { } stop ? request with { StopLossPrice = stop } : request,
            VolatilityStrategy volatility => VolatilityLoss(volatility.State, intent) is { } loss ? request with { WorstCaseLossPerUnit = loss } : request,
            _ => request,
        };
    }

    private static ITradingStrategy? Owner(ITradingStrategy strategy, OrderIntent intent)
    {
        if (strategy is HybridStrategy hybrid)
        {
            var grid = hybrid.Child(HybridLeg.Grid);
            var volatility = hybrid.Child(HybridLeg.Volatility);
            return intent.StrategyId == grid.Id ? grid : intent.StrategyId == volatility.Id ? volatility : null;
        }

        return strategy.Id == intent.StrategyId ? strategy : null;
    }

    // The grid stops when a close passes this price, as GridStrategy.CheckStops tests it.
    private static decimal? GridStop(GridState state, OrderSide side)
    {
        var settings = state.Settings;
        if (settings.StopLossDistance is not { } distance || state.Levels.Count == 0)
        {
            return null;
        }

        decimal stop;
        if (side == OrderSide.Buy)
        {
            if (settings.Direction == GridDirection.Short)
            {
                return null;
            }

            stop = state.Lower * (1m - distance);
        }
        else
        {
            if (settings.Direction == GridDirection.Long)
            {
                return null;
            }

            stop = state.Upper * (1m + distance);
        }

        return stop > 0m ? stop : null;
    }

    private static decimal? VolatilityLoss(VolatilityState state, OrderIntent intent) =>
        state.Entry is { } entry && entry.Id == intent.ClientOrderId && state.StopDistance > 0m ? state.StopDistance : null;
}
