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
                    if (DenyReason(run, intent) is { } reason)
                    {
                        _ordersDenied++;
                        _pending.Enqueue(new Pending(null, new OrderDenied(intent.Symbol, intent.ClientOrderId, reason, now)));
                        return;
                    }

                    var placed = _venue.PlaceOrder(_account, ToRequest(intent));
                    _balanceDirty = true;
                    if (!placed.IsSuccess)
                    {
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

    // The risk caps, as the risk gate will apply them: orders that only reduce always pass; while the daily loss limit
    // holds, nothing that adds exposure passes; and a position with its same-side open orders may not need more initial
    // margin than max-position-risk of equity.
    private string? DenyReason(SymbolRun run, OrderIntent intent)
    {
        if (!_settings.ApplyRiskLimits || intent.ReduceOnly || intent.ClosePosition || intent.Quantity is not { } quantity)
        {
            return null;
        }

        var buy = intent.Side == OrderSide.Buy;
        var after = run.Position + (buy ? quantity : -quantity);
        if (Math.Abs(after) <= Math.Abs(run.Position))
        {
            return null;
        }

        var caps = _settings.RiskCaps;
        if (_dailyHalted)
        {
            return Text($"max-daily-loss: equity fell more than {caps.MaxDailyLoss:P0} below the day's start ({_dayStartEquity:0.00} USDT); no new exposure until the next UTC day");
        }

        RefreshBalance();
        var worst = Math.Abs(run.Position + (buy ? run.Orders.BuyQuantity + quantity : -(run.Orders.SellQuantity + quantity)));
        var price = intent.Price ?? intent.StopPrice ?? run.LastClose;
        var margin = worst * price / run.Leverage;
        var limit = caps.MaxPositionRisk * _equity;
        return margin > limit
            ? Text($"max-position-risk: {run.Symbol} could reach {worst} ({margin:0.00} USDT initial margin at {run.Leverage}x) with this order and the open ones, above {caps.MaxPositionRisk:P0} of equity ({limit:0.00} USDT)")
            : null;
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
