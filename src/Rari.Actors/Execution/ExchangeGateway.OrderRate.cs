using Akka.Actor;
using Rari.Aster.RateLimits;

namespace Rari.Actors.Execution;

// What the risk gate needs from the gateway besides order events: the open entries after its restart, and the order-rate
// usage of the venue's budget.
public sealed partial class ExchangeGateway
{
    private OrderRateObserved? _lastOrderRate;

    private void OnGetOpenEntryOrders()
    {
        var open = new List<OpenEntryOrder>();
        foreach (var order in _state.OpenOrders)
        {
            var intent = order.Order.Intent;
            if (!intent.ReduceOnly && !intent.ClosePosition)
            {
                open.Add(new OpenEntryOrder(intent, order.Order.FilledQuantity));
            }
        }

        Sender.Tell(new OpenEntryOrders(open));
    }

    // Tells the risk gate the order-rate usage when it changed: the tightest ORDERS window of the shared budget (the
    // venue's last count plus requests in flight). Called after submissions and on the periodic check, so a window
    // that rolls over frees the gate's budget within a check interval.
    private void ReportOrderRate()
    {
        var tightest = _rest.Transport.Budget.Snapshot().Tightest(RateLimitType.Orders) is { } window
            ? new OrderRateObserved(window.Used, window.Rule.Limit)
            : null;
        if (tightest is not null && tightest != _lastOrderRate)
        {
            _lastOrderRate = tightest;
            _riskGate.Tell(tightest);
        }
    }

    /// <summary>The periodic order-rate check.</summary>
    private sealed record CheckOrderRate
    {
        public static CheckOrderRate Instance { get; } = new();
    }
}
