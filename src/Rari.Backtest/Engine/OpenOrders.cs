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
    private readonly Dictionary<ClientOrderId, (OrderSide Side, decimal Notional)> _sent = [];

    /// <summary>Open orders right now.</summary>
    public int Count => _orders.Count;

    /// <summary>The most orders that were open at once.</summary>
    public int Peak { get; private set; }

    /// <summary>Notional (remaining quantity × limit or trigger price) of the open BUY entries.</summary>
    public decimal BuyNotional { get; private set; }

    /// <summary>Notional of the open SELL entries.</summary>
    public decimal SellNotional { get; private set; }

    /// <summary>
    /// Counts an entry sent to the venue before the venue's report of it is handled (a decision's orders go out
    /// together), valued at <paramref name="price"/>, as the live gate counts the entries it approved.
    /// </summary>
    public void Sent(OrderIntent entry, decimal price)
    {
        var notional = (entry.Quantity ?? 0m) * price;
        _sent[entry.ClientOrderId] = (entry.Side, notional);
        Add(entry.Side, notional);
    }

    /// <summary>Forgets a sent entry the venue refused.</summary>
    public void Refused(ClientOrderId id)
    {
        if (_sent.Remove(id, out var sent))
        {
            Add(sent.Side, -sent.Notional);
        }
    }

    /// <summary>Records the order as the venue now reports it.</summary>
    public void Update(OrderSnapshot order)
    {
        Refused(order.ClientOrderId); // reported: counted from here on as the venue holds it
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
            _orders[id] = new Open(order.Side, notional);
            Add(order.Side, notional);
            Peak = Math.Max(Peak, _orders.Count);
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

    private readonly record struct Open(OrderSide Side, decimal Notional);
}
