using System.Globalization;
using Rari.Backtest.Reports;
using Rari.Domain.Orders;
using Rari.Venue.Events;

namespace Rari.Backtest.Engine;

// Venue events in: the account's books move and order updates become the Domain order events strategies understand.
public sealed partial class BacktestEngine
{
    private decimal _realizedPnl;
    private decimal _fees;
    private decimal _funding;
    private decimal _liquidationFees;
    private long _fills;
    private long _liquidations;
    private long _fundingTimeMs;
    private int _fundingCursor;

    private void OnVenueEvent(IVenueEvent venueEvent)
    {
        _setup.Observer?.Publish(venueEvent);
        _balanceDirty = true;
        switch (venueEvent)
        {
            case OrderUpdated update:
                OnOrderUpdated(update);
                break;
            case AccountUpdated update:
                OnAccountUpdated(update);
                break;
            case PositionLiquidated liquidated:
                _liquidations++;
                _riskEvents.Add(new RiskEventRecord(
                    liquidated.TimeMs,
                    "liquidation",
                    liquidated.Symbol,
                    Text($"{liquidated.Quantity} closed at the bankruptcy price {liquidated.BankruptcyPrice} (mark {liquidated.MarkPrice}), liquidation fee {liquidated.LiquidationFee} USDT")));
                break;
            case MarginCalled call:
                _riskEvents.Add(new RiskEventRecord(
                    call.TimeMs, "margin-call", null, Text($"margin ratio reached the warning level; cross wallet {call.CrossWalletBalance} USDT, {call.Positions.Count} position(s) at risk")));
                break;
        }
    }

    private void OnOrderUpdated(OrderUpdated update)
    {
        var order = update.Order;
        var run = RunOf(order.Symbol);
        run.Orders.Update(order);
        if (update.Trade is { } trade)
        {
            _fills++;
            _realizedPnl += trade.RealizedProfit;
            if (update.Execution == ExecutionType.Calculated)
            {
                _liquidationFees += trade.Commission;
            }
            else
            {
                _fees += trade.Commission;
            }

            run.Trips.OnFill(order.Side, trade.Price, trade.Quantity, trade.Commission, trade.RealizedProfit, update.TimeMs);
            run.Position = run.Trips.Position;
            run.EntryPrice = run.Trips.EntryPrice;
            run.Fills.Add(new FillMarker(update.TimeMs, trade.Price, trade.Quantity, order.Side));
        }

        // A liquidation order belongs to the venue, and a risk close to the risk gate, not to a strategy; the monitor
        // still sees the equity after a close's fill.
        if (order.IsLiquidation)
        {
            return;
        }

        if (_riskOrders.Contains(order.ClientOrderId))
        {
            if (update.Execution == ExecutionType.Trade)
            {
                ObserveFill(FillOf(update));
            }

            return;
        }

        IOrderEvent? orderEvent = update.Execution switch
        {
            ExecutionType.New => new OrderAccepted(order.Symbol, order.ClientOrderId, order.OrderId, update.TimeMs),
            ExecutionType.Trade => new OrderFilled(FillOf(update), order.ClosePosition ? order.OriginalQuantity : null),
            ExecutionType.Canceled => new OrderCanceled(order.Symbol, order.ClientOrderId, update.TimeMs),
            ExecutionType.Expired => new OrderExpired(order.Symbol, order.ClientOrderId, update.TimeMs),
            _ => null,
        };
        if (orderEvent is OrderFilled filled)
        {
            ObserveFill(filled.Fill);
        }

        if (orderEvent is not null)
        {
            Dispatch(run, orderEvent);
        }
    }

    private static Fill FillOf(OrderUpdated update)
    {
        var order = update.Order;
        var trade = update.Trade!;
        return new Fill(
            order.Symbol,
            order.ClientOrderId,
            order.OrderId,
            trade.TradeId,
            order.Side,
            order.PositionSide,
            trade.Price,
            trade.Quantity,
            trade.Commission,
            trade.IsMaker ? LiquiditySide.Maker : LiquiditySide.Taker,
            update.TimeMs);
    }

    private void OnAccountUpdated(AccountUpdated update)
    {
        foreach (var position in update.Positions)
        {
            var run = RunOf(position.Symbol);
            if (position.Quantity != run.Position)
            {
                throw new InvalidOperationException(Text(
                    $"The venue reports a position of {position.Quantity} {position.Symbol} at {update.TimeMs}, but the fills add up to {run.Position}."));
            }

            run.EntryPrice = position.EntryPrice;
        }

        if (update.Reason == AccountUpdateReason.FundingFee)
        {
            OnFunding(update);
        }
    }

    // The venue settles funding symbol by symbol in listing order, and a cross position's update does not name its
    // symbol: the n-th funding update of one funding time belongs to the n-th symbol (in listing order) holding a position.
    private void OnFunding(AccountUpdated update)
    {
        var paid = -update.Balance.BalanceChange;
        _funding += paid;
        if (update.TimeMs != _fundingTimeMs)
        {
            _fundingTimeMs = update.TimeMs;
            _fundingCursor = 0;
        }

        if (update.Positions.Count == 1)
        {
            RunOf(update.Positions[0].Symbol).Trips.OnFunding(paid);
            return;
        }

        for (var i = _fundingCursor; i < _runs.Length; i++)
        {
            if (_runs[i].Position != 0m)
            {
                _runs[i].Trips.OnFunding(paid);
                _fundingCursor = i + 1;
                return;
            }
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
