using System.Globalization;
using Rari.Backtest.Reports;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;
using Rari.Venue.Orders;

namespace Rari.Backtest.Engine;

// Decisions out: events are folded, then commands go to the venue, as a strategy actor does it.
public sealed partial class BacktestEngine
{
    private long _ordersPlaced;
    private long _ordersRejected;
    private long _ordersDenied;
    private long _ordersResized;
    private readonly SortedDictionary<int, (string Message, long Count)> _rejections = [];

    private void Dispatch(SymbolRun run, IOrderEvent orderEvent)
    {
        _current = run;
        Decide(run, run.Strategy.OnOrderEvent(orderEvent, Context(run)));
    }

    private void Decide(SymbolRun run, StrategyDecision decision)
    {
        if (decision.IsEmpty)
        {
            return;
        }

        var now = _venue.NowMs;
        var events = decision.Events;
        for (var i = 0; i < events.Count; i++)
        {
            var strategyEvent = events[i];
            run.Strategy.Apply(strategyEvent);
            run.Levels.Observe(strategyEvent, now);
            if ((strategyEvent is ChildDecided child ? child.Inner : strategyEvent) is GridStopped stopped)
            {
                _riskEvents.Add(new RiskEventRecord(stopped.TimestampMs, "grid-stop", stopped.Symbol, $"{stopped.Kind}: {stopped.Reason}"));
            }
        }

        var commands = decision.Commands;
        for (var i = 0; i < commands.Count; i++)
        {
            Execute(commands[i]);
        }
    }

    private void Execute(StrategyCommand command)
    {
        var now = _venue.NowMs;
        switch (command)
        {
            case PlaceOrder place:
                {
                    var intent = place.Intent;
                    var run = RunOf(intent.Symbol);
                    _ordersPlaced++;
                    var (order, denial) = Judge(run, intent);
                    if (order is null)
                    {
                        _ordersDenied++;
                        _pending.Enqueue(new Pending(null, new OrderDenied(intent.Symbol, intent.ClientOrderId, denial!, now)));
                        return;
                    }

                    var adds = !order.ReduceOnly && !order.ClosePosition;
                    if (adds)
                    {
                        run.Orders.Sent(order, order.Price ?? order.StopPrice ?? run.LastClose);
                    }

                    var placed = _venue.PlaceOrder(_account, ToRequest(order));
                    _balanceDirty = true;
                    if (!placed.IsSuccess)
                    {
                        run.Orders.Refused(order.ClientOrderId);
                        _ordersRejected++;
                        var known = _rejections.GetValueOrDefault(placed.Error.Code, (placed.Error.Message, 0));
                        _rejections[placed.Error.Code] = (known.Message, known.Count + 1);
                        _pending.Enqueue(new Pending(null, new OrderRejected(intent.Symbol, intent.ClientOrderId, placed.Error.Code, placed.Error.Message, now)));
                    }

                    return;
                }

            case CancelOrder cancel:
                {
                    var canceled = _venue.CancelOrder(_account, cancel.Symbol, OrderReference.ByClientId(cancel.ClientOrderId.Value));
                    if (!canceled.IsSuccess)
                    {
                        _pending.Enqueue(new Pending(null, new OrderCancelRejected(cancel.Symbol, cancel.ClientOrderId, canceled.Error.Code, canceled.Error.Message, now)));
                    }

                    return;
                }

            default:
                throw new InvalidOperationException($"The backtester cannot execute {command.GetType().Name}.");
        }
    }

    private static NewOrderRequest ToRequest(OrderIntent intent) => new(intent.Symbol, intent.Side, intent.Type)
    {
        PositionSide = intent.PositionSide,
        TimeInForce = intent.TimeInForce,
        Quantity = intent.Quantity,
        Price = intent.Price,
        StopPrice = intent.StopPrice,
        ReduceOnly = intent.ReduceOnly,
        ClosePosition = intent.ClosePosition,
        ClientOrderId = intent.ClientOrderId.Value,
    };
}
