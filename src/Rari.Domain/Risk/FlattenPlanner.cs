using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;

namespace Rari.Domain.Risk;

/// <summary>
/// Builds the MARKET orders that close one position, for a <see cref="ClosePositions"/> command: reduce-only in one-way
/// mode, the closing side of the leg in hedge mode, split so that no order exceeds MARKET_LOT_SIZE's maxQty.
/// </summary>
public static class FlattenPlanner
{
    /// <summary>The orders that close the position; empty when it is flat.</summary>
    /// <param name="instrument">The symbol's venue rules.</param>
    /// <param name="positionSide">BOTH in one-way mode, LONG or SHORT in hedge mode.</param>
    /// <param name="quantity">The position's signed quantity (negative short), as the gateway holds it now.</param>
    /// <param name="strategyId">The id the orders are placed under (the risk gate's).</param>
    /// <param name="clientOrderId">The client order id of the i-th order (0-based), from the caller's journaled sequence.</param>
    /// <remarks>
    /// One-way orders are reduce-only, so the last one rounds up to the step and to minQty: the venue trims a reduce-only
    /// order to the position, and dust below minQty would otherwise be left open. Hedge-mode orders cannot be reduce-only
    /// and must not exceed the leg, so they round down.
    /// </remarks>
    /// <exception cref="ArgumentException">The quantity's sign does not fit the hedge leg (a LONG below 0, a SHORT above 0).</exception>
    public static IReadOnlyList<OrderIntent> Orders(
        Instrument instrument,
        PositionSide positionSide,
        decimal quantity,
        StrategyId strategyId,
        Func<int, ClientOrderId> clientOrderId)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(clientOrderId);
        if ((positionSide == PositionSide.Long && quantity < 0m) || (positionSide == PositionSide.Short && quantity > 0m))
        {
            throw new ArgumentException(RiskText.Of($"A {positionSide} leg cannot hold {quantity}."), nameof(quantity));
        }

        if (quantity == 0m)
        {
            return [];
        }

        var oneWay = positionSide == PositionSide.Both;
        var side = quantity > 0m ? OrderSide.Sell : OrderSide.Buy;
        var lot = instrument.MarketLotSize;
        var remaining = oneWay
            ? Math.Max(instrument.RoundQuantity(Math.Abs(quantity), TickRounding.Up, OrderType.Market), lot.MinQty)
            : instrument.RoundQuantityDown(Math.Abs(quantity), OrderType.Market);
        var maxSlice = instrument.RoundQuantityDown(lot.MaxQty, OrderType.Market);
        var orders = new List<OrderIntent>();
        while (remaining > 0m && remaining >= lot.MinQty)
        {
            var slice = Math.Min(remaining, maxSlice);

            // Keep the tail at or above minQty by shortening the slice before it.
            if (remaining - slice is > 0m and var tail && tail < lot.MinQty)
            {
                slice -= lot.MinQty - tail;
            }

            orders.Add(OrderIntent.Create(
                clientOrderId(orders.Count),
                strategyId,
                instrument.Symbol,
                side,
                OrderType.Market,
                slice,
                reduceOnly: oneWay,
                positionSide: positionSide));
            remaining -= slice;
        }

        return orders;
    }
}
