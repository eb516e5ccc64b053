using Rari.Domain.Orders;
using Rari.Venue.Orders;

namespace Rari.Backtest.Engine;

/// <summary>
/// The account's open orders on one symbol as the venue reported them, kept from the order events: how many there
/// are, and how much quantity the non-reducing ones could still add on each side (for the position cap).
/// </summary>
internal sealed class OpenOrders
{
    private readonly Dictionary<long, (OrderSide Side, decimal Remaining, bool AddsExposure)> _orders = [];

    /// <summary>Open orders right now.</summary>
    public int Count => _orders.Count;

    /// <summary>The most orders that were open at once.</summary>
    public int Peak { get; private set; }

    /// <summary>Unfilled quantity of open BUY orders that are not reduce-only.</summary>
    public decimal BuyQuantity { get; private set; }

    /// <summary>Unfilled quantity of open SELL orders that are not reduce-only.</summary>
    public decimal SellQuantity { get; private set; }

    /// <summary>Records the order as the venue now reports it.</summary>
    public void Update(OrderSnapshot order)
    {
        var id = order.OrderId.Value;
        if (_orders.Remove(id, out var previous))
        {
            Add(previous.Side, previous.AddsExposure ? -previous.Remaining : 0m);
        }

        if (order.IsOpen)
        {
            var remaining = order.OriginalQuantity - order.ExecutedQuantity;
            var addsExposure = !order.ReduceOnly && !order.ClosePosition;
            _orders[id] = (order.Side, remaining, addsExposure);
            Add(order.Side, addsExposure ? remaining : 0m);
            Peak = Math.Max(Peak, _orders.Count);
        }
    }

    private void Add(OrderSide side, decimal quantity)
    {
        if (side == OrderSide.Buy)
        {
            BuyQuantity += quantity;
        }
        else
        {
            SellQuantity += quantity;
        }
    }
}
