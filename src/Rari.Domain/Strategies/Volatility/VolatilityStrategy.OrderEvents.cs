using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Volatility;

// Order events: fills move the position, ends free the orders; both may complete the entry or close the position.
public sealed partial class VolatilityStrategy
{
    private const string VanishedReason = "position no longer at the venue: its exits are not needed";

    /// <inheritdoc />
    public StrategyDecision OnOrderEvent(IOrderEvent orderEvent, in StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        ArgumentNullException.ThrowIfNull(context.Instrument, nameof(context));
        if (orderEvent.Symbol != Symbol || _state.Find(orderEvent.ClientOrderId) is not { } order)
        {
            // Not ours (another strategy, a manual order, a liquidation), or from a round trip long finished.
            return StrategyDecision.None;
        }

        var decision = new VolatilityDecisionBuilder(_state);
        switch (orderEvent)
        {
            case OrderFilled filled:
                OnFill(ref decision, order, filled.Fill, context);
                break;
            case OrderRejected { Code: RejectionCodes.NothingToReduce } when IsVanished(order, context):
                SettleVanished(ref decision, order, context);
                break;
            case OrderCanceled or OrderExpired or OrderRejected or OrderDenied:
                OnEnded(ref decision, order, orderEvent.Kind, context);
                break;

            // Accepted, submitted and pending-cancel change nothing here; a refused cancel means the order already
            // filled or ended at the venue, and that arrives as its own event.
            default:
                break;
        }

        return decision.Build();
    }

    private void OnFill(ref VolatilityDecisionBuilder decision, TrackedOrder order, Fill fill, in StrategyContext context)
    {
        if (order.HasTrade(fill.TradeId) || fill.Quantity <= 0m)
        {
            return;
        }

        decision.Emit(new FillRecorded(Id, Symbol, context.TimestampMs, order.Id, fill.TradeId, fill.Price, fill.Quantity, fill.Fee));
        var state = decision.State;
        if (order.Role == OrderRole.Entry)
        {
            if (order.IsLive && state.Entry is { IsLive: false })
            {
                // The fill that completes a working entry opens the position.
                OpenPosition(ref decision, context, fill.Price);
            }
            else if (!order.IsLive && state.ExitsPlaced && state.CloseReason is null && context.TradingState != TradingState.Halted)
            {
                // A fill reported after the entry ended (a REST answer raced the user stream): the resting exits now cover
                // less than the position, so the whole position is closed rather than left partly unprotected.
                RequestClose(ref decision, context, ExitReason.ExitOrderLost, fill.Price);
            }
        }
        else if (state.PositionQuantity <= 0m && state.Entry is not { IsLive: true } && !state.Closed)
        {
            ClosePosition(ref decision, context, order.Role);
        }
    }

    private void OnEnded(ref VolatilityDecisionBuilder decision, TrackedOrder order, OrderEventKind kind, in StrategyContext context)
    {
        if (!order.IsLive)
        {
            return;
        }

        decision.Emit(new OrderEnded(Id, Symbol, context.TimestampMs, order.Id, kind));
        var state = decision.State;
        switch (order.Role)
        {
            case OrderRole.Entry when state.EntryQuantity > 0m:
                // Ended with a partial fill: the position is what filled.
                OpenPosition(ref decision, context, _signals.LastClose);
                break;
            case OrderRole.StopLoss or OrderRole.TakeProfit
                when order.Status == TrackedOrderStatus.Working
                    && state.PositionQuantity > 0m
                    && state.CloseReason is null
                    && context.TradingState != TradingState.Halted
                    && (order.Role == OrderRole.TakeProfit || !state.HasWorking(OrderRole.StopLoss)):
                // The venue ended an exit we still relied on: close rather than stay unprotected.
                RequestClose(ref decision, context, ExitReason.ExitOrderLost, _signals.LastClose);
                break;
        }
    }

    // A reduce-only exit of a position we hold was refused for want of anything to reduce, and the account agrees: the
    // position is gone. Retrying the close would be refused the same way on every bar. While the account view still shows
    // our side (it can lag the venue), the refusal is treated as any lost exit and the close retried at the next bar, by
    // which time the view has caught up.
    private static bool IsVanished(TrackedOrder order, in StrategyContext context) =>
        order.Role != OrderRole.Entry && order.IsLive && AccountHoldsNothingOn(order.Side, context.PositionQuantity);

    // The exit side is opposite to the position: a sell closes a long, which exists only while the net position is positive.
    private static bool AccountHoldsNothingOn(OrderSide exitSide, decimal accountPosition) =>
        exitSide == OrderSide.Sell ? accountPosition <= 0m : accountPosition >= 0m;

    private void SettleVanished(ref VolatilityDecisionBuilder decision, TrackedOrder refused, in StrategyContext context)
    {
        var state = decision.State;
        if (state.PositionQuantity <= 0m)
        {
            OnEnded(ref decision, refused, OrderEventKind.Rejected, context);
            return;
        }

        decision.Emit(new OrderEnded(Id, Symbol, context.TimestampMs, refused.Id, OrderEventKind.Rejected));
        foreach (var exit in decision.State.Exits)
        {
            if (exit.Status == TrackedOrderStatus.Working)
            {
                decision.Emit(new CancelRequested(Id, Symbol, context.TimestampMs, exit.Id, VanishedReason));
                decision.Send(new CancelOrder(Symbol, exit.Id, VanishedReason));
            }
        }

        decision.Emit(new PositionVanished(
            Id, Symbol, context.TimestampMs, state.Direction, state.PositionQuantity, refused.Id, context.PositionQuantity));
    }
}
