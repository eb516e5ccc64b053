using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Venue.Orders;

namespace Rari.Backtest.Engine;

/// <summary>
/// The account's open orders on one symbol as the venue reported them, kept from the order events: how many there
/// are, and what the entries among them (orders that are neither reduce-only nor close-position) could still add on
/// each side, the resting exposure the risk engine's caps count.
/// </summary>
internal sealed class OpenOrders
{
    private readonly Dictionary<long, Open> _orders = [];

    /// <summary>Open orders right now.</summary>
    public int Count => _orders.Count;

    /// <summary>The most orders that were open at once.</summary>
    public int Peak { get; private set; }

    /// <summary>Notional (remaining quantity × limit or trigger price) of the open BUY entries.</summary>
    public decimal BuyNotional { get; private set; }

    /// <summary>Notional of the open SELL entries.</summary>
    public decimal SellNotional { get; private set; }

    /// <summary>Records the order as the venue now reports it.</summary>
    public void Update(OrderSnapshot order)
    {
        var id = order.OrderId.Value;
        if (_orders.Remove(id, out var previous))
        {
            Add(previous.Side, -previous.Notional);
        }

        if (order.IsOpen)
        {
            var addsExposure = !order.ReduceOnly && !order.ClosePosition;
            var price = order.Price > 0m ? order.Price : order.StopPrice;
            var notional = addsExposure ? (order.OriginalQuantity - order.ExecutedQuantity) * price : 0m;
            _orders[id] = new Open(order.ClientOrderId, order.Side, notional, addsExposure);
            Add(order.Side, notional);
            Peak = Math.Max(Peak, _orders.Count);
        }
    }

    /// <summary>Adds the client order id of every open entry to <paramref name="ids"/>, in no particular order.</summary>
    public void CollectEntries(List<ClientOrderId> ids)
    {
        foreach (var order in _orders.Values)
        {
            if (order.AddsExposure)
            {
                ids.Add(order.ClientOrderId);
            }
        }
    }

    private void Add(OrderSide side, decimal notional)
    {
        if (side == OrderSide.Buy)
        {
            BuyNotional += notional;
        }
        else
        {
            SellNotional += notional;
        }
    }

    private readonly record struct Open(ClientOrderId ClientOrderId, OrderSide Side, decimal Notional, bool AddsExposure);
}
