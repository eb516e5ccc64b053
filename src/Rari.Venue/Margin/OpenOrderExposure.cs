using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Venue.Orders;

namespace Rari.Venue.Margin;

/// <summary>
/// Running totals of one account's resting LIMIT orders on one symbol: the open bid and ask notional Aster reports
/// (<c>o.b</c>, <c>o.a</c>) and the quantity and notional of the orders that could open or grow a position, from
/// which the open-order initial margin is derived.
/// </summary>
/// <remarks>
/// <para>Open-order margin rule [conv, documented here because Aster gives no formula]:</para>
/// <list type="bullet">
/// <item>Closing orders (reduce-only, closePosition, hedge-mode SELL on LONG / BUY on SHORT) and conditional orders
/// need none; a conditional order's margin is checked when it triggers.</item>
/// <item>One-way mode: of the BUY orders, the quantity beyond the current short could open a long; of the SELL
/// orders, the quantity beyond the current long could open a short. Each side's opening notional is its notional
/// prorated to that quantity, and the symbol needs margin for the larger side only, since the position can only
/// grow one way at a time.</item>
/// <item>Hedge mode: BUY on LONG and SELL on SHORT each grow their own leg, so their notionals add up.</item>
/// </list>
/// <para>The totals are updated by exact decimal additions on every rest, fill and cancel, so reading them is O(1).</para>
/// </remarks>
internal sealed class OpenOrderExposure
{
    // Index: position-side slot (BOTH 0, LONG 1, SHORT 2) × 2 + side (BUY 0, SELL 1); opening orders only.
    private readonly decimal[] _quantity = new decimal[6];
    private readonly decimal[] _notional = new decimal[6];

    /// <summary>Σ price × leaves of every resting BUY limit order (<c>o.b</c>).</summary>
    public decimal BidNotional { get; private set; }

    /// <summary>Σ price × leaves of every resting SELL limit order (<c>o.a</c>).</summary>
    public decimal AskNotional { get; private set; }

    /// <summary>Adds (positive) or removes (negative) resting quantity of a LIMIT order.</summary>
    public void Change(VenueOrder order, decimal quantity)
    {
        if (quantity == 0m)
        {
            return;
        }

        var notional = order.Price * quantity;
        if (order.Side == OrderSide.Buy)
        {
            BidNotional += notional;
        }
        else
        {
            AskNotional += notional;
        }

        if (!order.IsClosing)
        {
            var index = Index(order.PositionSide, order.Side);
            _quantity[index] += quantity;
            _notional[index] += notional;
        }
    }

    /// <summary>
    /// The notional that needs open-order margin, given the one-way position <paramref name="bothQuantity"/>, optionally
    /// with one more opening order (<paramref name="extraQuantity"/> at <paramref name="extraNotional"/>) counted in.
    /// </summary>
    public decimal OpenNotional(
        PositionMode mode,
        decimal bothQuantity,
        OrderSide extraSide = OrderSide.Buy,
        PositionSide extraPositionSide = PositionSide.Both,
        decimal extraQuantity = 0m,
        decimal extraNotional = 0m)
    {
        var extra = Index(extraPositionSide, extraSide);
        if (mode == PositionMode.Hedge)
        {
            var longBuys = _notional[Index(PositionSide.Long, OrderSide.Buy)];
            var shortSells = _notional[Index(PositionSide.Short, OrderSide.Sell)];
            var added = extra == Index(PositionSide.Long, OrderSide.Buy) || extra == Index(PositionSide.Short, OrderSide.Sell)
                ? extraNotional
                : 0m;
            return longBuys + shortSells + added;
        }

        var buyIndex = Index(PositionSide.Both, OrderSide.Buy);
        var sellIndex = Index(PositionSide.Both, OrderSide.Sell);
        var buyQuantity = _quantity[buyIndex] + (extra == buyIndex ? extraQuantity : 0m);
        var buyNotional = _notional[buyIndex] + (extra == buyIndex ? extraNotional : 0m);
        var sellQuantity = _quantity[sellIndex] + (extra == sellIndex ? extraQuantity : 0m);
        var sellNotional = _notional[sellIndex] + (extra == sellIndex ? extraNotional : 0m);
        var buyOpening = Opening(buyQuantity, buyNotional, Math.Max(0m, -bothQuantity));
        var sellOpening = Opening(sellQuantity, sellNotional, Math.Max(0m, bothQuantity));
        return Math.Max(buyOpening, sellOpening);
    }

    /// <summary>The opening notional of one hedge leg's orders (BUY on LONG, SELL on SHORT), for per-leg reporting.</summary>
    public decimal HedgeLegNotional(PositionSide leg) => leg switch
    {
        PositionSide.Long => _notional[Index(PositionSide.Long, OrderSide.Buy)],
        PositionSide.Short => _notional[Index(PositionSide.Short, OrderSide.Sell)],
        _ => 0m,
    };

    // The part of one side's orders beyond what they would close of the opposite position, prorated by quantity.
    private static decimal Opening(decimal quantity, decimal notional, decimal closable)
    {
        if (quantity <= closable)
        {
            return 0m;
        }

        return closable == 0m ? notional : notional * (quantity - closable) / quantity;
    }

    private static int Index(PositionSide positionSide, OrderSide side) =>
        (positionSide switch
        {
            PositionSide.Long => 1,
            PositionSide.Short => 2,
            _ => 0,
        } * 2) + (side == OrderSide.Buy ? 0 : 1);
}
