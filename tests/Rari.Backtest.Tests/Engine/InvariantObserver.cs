using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;
using Rari.Venue.Events;
using Rari.Venue.Orders;

namespace Rari.Backtest.Tests.Engine;

/// <summary>
/// Watches every venue event of a backtest and checks, as they happen: each order the venue accepted passes the
/// symbol's filters (with the open-order count it was placed against), open orders never exceed the limit, and every
/// account update's position equals the signed sum of that symbol's fills so far.
/// </summary>
public sealed class InvariantObserver(IReadOnlyDictionary<string, Instrument> instruments, int? maxOpenOrders = null) : IVenueEventSink
{
    private readonly Dictionary<Symbol, HashSet<long>> _open = [];
    private readonly Dictionary<Symbol, decimal> _filled = [];

    public List<string> Violations { get; } = [];

    public int Accepted { get; private set; }

    /// <summary>Every order as the venue accepted it, with the time, in order.</summary>
    public List<(long TimeMs, OrderSnapshot Order)> AcceptedOrders { get; } = [];

    /// <summary>Every order update as the venue reported it, with the time, in order.</summary>
    public List<(long TimeMs, OrderSnapshot Order)> OrderLog { get; } = [];

    /// <summary>Every fill: time, client order id, signed quantity.</summary>
    public List<(long TimeMs, ClientOrderId ClientOrderId, decimal Quantity)> FillLog { get; } = [];

    public int Fills { get; private set; }

    public int PeakOpenOrders { get; private set; }

    public IReadOnlyDictionary<Symbol, decimal> Positions => _filled;

    public void Publish(IVenueEvent venueEvent)
    {
        switch (venueEvent)
        {
            case OrderUpdated update:
                OnOrder(update);
                break;
            case AccountUpdated update:
                foreach (var position in update.Positions)
                {
                    var filled = _filled.GetValueOrDefault(position.Symbol);
                    if (position.Quantity != filled)
                    {
                        Violations.Add($"{update.TimeMs}: position {position.Quantity} {position.Symbol} != signed sum of fills {filled}");
                    }
                }

                break;
        }
    }

    private void OnOrder(OrderUpdated update)
    {
        var order = update.Order;
        var open = Open(order.Symbol);
        OrderLog.Add((update.TimeMs, order));
        if (update.Execution == ExecutionType.New)
        {
            Accepted++;
            AcceptedOrders.Add((update.TimeMs, order));
            if (InstrumentRules.Validate(instruments[order.Symbol.Value], Check(order, open.Count)) is { } violation)
            {
                Violations.Add($"{update.TimeMs}: accepted {order.ClientOrderId} violates {violation}");
            }
        }

        if (update.Trade is { } trade)
        {
            Fills++;
            FillLog.Add((update.TimeMs, order.ClientOrderId, order.Side == OrderSide.Buy ? trade.Quantity : -trade.Quantity));
            _filled[order.Symbol] = _filled.GetValueOrDefault(order.Symbol) + (order.Side == OrderSide.Buy ? trade.Quantity : -trade.Quantity);
        }

        if (order.IsOpen)
        {
            open.Add(order.OrderId.Value);
        }
        else
        {
            open.Remove(order.OrderId.Value);
        }

        PeakOpenOrders = Math.Max(PeakOpenOrders, open.Count);
        var limit = Math.Min(maxOpenOrders ?? int.MaxValue, instruments[order.Symbol.Value].MaxNumOrders);
        if (open.Count > limit)
        {
            Violations.Add($"{update.TimeMs}: {open.Count} open orders on {order.Symbol}, more than {limit}");
        }
    }

    private HashSet<long> Open(Symbol symbol)
    {
        if (!_open.TryGetValue(symbol, out var open))
        {
            _open[symbol] = open = [];
        }

        return open;
    }

    private static OrderCheck Check(OrderSnapshot order, int openBefore) =>
        new OrderCheck(
            order.Side,
            order.OriginalType,
            order.OriginalType == OrderType.Limit ? order.Price : null,
            order.StopPrice > 0m ? order.StopPrice : null,
            order.ClosePosition ? null : order.OriginalQuantity,
            order.ReduceOnly,
            order.ClosePosition) with
        { OpenOrderCount = openBefore };
}
