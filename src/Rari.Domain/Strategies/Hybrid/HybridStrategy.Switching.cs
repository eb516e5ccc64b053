using System.Globalization;
using Rari.Domain.Identifiers;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Hybrid;

// The switching protocol: start a switch, drain the outgoing child, close or hand over its position, complete.
public sealed partial class HybridStrategy
{
    private const string CloseReason = "hybrid regime switch: closing the outgoing strategy's position";

    private void StartSwitchIfCalledFor(ref HybridDecisionBuilder decision, in StrategyContext context)
    {
        var state = decision.State;
        var regime = _regime.Regime;
        if (state.Phase is HybridPhase.Draining or HybridPhase.Closing
            || context.TradingState == TradingState.Halted
            || regime == MarketRegime.Undetermined
            || regime == state.Regime)
        {
            return;
        }

        var outgoing = state.Active;
        var incoming = regime switch
        {
            MarketRegime.Ranging => HybridLeg.Grid,
            MarketRegime.Trending => HybridLeg.Volatility,
            _ => _settings.OnExtreme == ExtremeAction.Reduce ? outgoing : HybridLeg.None,
        };
        var deadline = context.TimestampMs + (long)_settings.CancelTimeout.TotalMilliseconds;
        decision.Emit(new RegimeSwitched(Id, Symbol, context.TimestampMs, state.Regime, regime, _regime.Describe(), outgoing, incoming, deadline));
        if (incoming == outgoing)
        {
            return;
        }

        if (outgoing == HybridLeg.None)
        {
            decision.Emit(new SwitchCompleted(Id, Symbol, context.TimestampMs, incoming, TimedOut: false));
            return;
        }

        var open = Child(outgoing).OpenOrders;
        foreach (var id in open)
        {
            decision.Send(new CancelOrder(Symbol, id, SwitchCancelReason));
        }

        if (open.Count == 0)
        {
            CompleteDrain(ref decision, context, timedOut: false);
        }
    }

    // Moves a switch in flight forward as far as the latest facts allow. Called once per input, after any child decision.
    private void Progress(ref HybridDecisionBuilder decision, in StrategyContext context, ClientOrderId? endedOrder, bool mayRetryClose)
    {
        var state = decision.State;
        if (state.Phase == HybridPhase.Draining)
        {
            // The child's OpenOrders does not yet reflect this input's event, so an order it ends is discounted here.
            var remaining = 0;
            foreach (var id in Child(state.Outgoing).OpenOrders)
            {
                if (id != endedOrder)
                {
                    remaining++;
                }
            }

            var timedOut = context.TimestampMs >= state.DrainDeadlineMs;
            if (remaining == 0 || timedOut)
            {
                CompleteDrain(ref decision, context, timedOut && remaining > 0);
            }
        }
        else if (state.Phase == HybridPhase.Closing && state.Close is { } close)
        {
            if (close.FilledQuantity >= close.Quantity || (!close.IsLive && context.PositionQuantity == 0m))
            {
                decision.Emit(new SwitchCompleted(Id, Symbol, context.TimestampMs, state.Incoming, TimedOut: false));
            }
            else if (!close.IsLive && mayRetryClose && context.TradingState != TradingState.Halted
                && !PlaceClose(ref decision, context, context.PositionQuantity))
            {
                // What is left cannot be sent as a MARKET order (below the minimum quantity): nothing more to do.
                decision.Emit(new SwitchCompleted(Id, Symbol, context.TimestampMs, state.Incoming, TimedOut: false));
            }
        }
    }

    private void CompleteDrain(ref HybridDecisionBuilder decision, in StrategyContext context, bool timedOut)
    {
        var state = decision.State;
        var outgoing = Child(state.Outgoing);
        var held = OwnedPosition.ToSettle(
            ((IPositionTransfer)outgoing).OwnedPosition, context.PositionQuantity, context.PositionEntryPrice);
        var position = held.Quantity;
        var handOver = _settings.SwitchPosition == SwitchPositionMode.HandOver
            && state.Incoming != HybridLeg.None
            && held.EntryPrice > 0m;
        if (position != 0m && !handOver && context.TradingState == TradingState.Halted)
        {
            // The position must be closed, and nothing may be sent while halted: wait.
            return;
        }

        if (timedOut)
        {
            foreach (var id in outgoing.OpenOrders)
            {
                decision.Send(new CancelOrder(Symbol, id, TimeoutCancelReason));
            }
        }

        var release = ((IPositionTransfer)outgoing).ReleasePosition(context.TimestampMs, Reason($"hybrid switch to {state.Regime}"));
        decision.Emit(new ChildDecided(Id, Symbol, context.TimestampMs, release));
        if (position == 0m)
        {
            decision.Emit(new SwitchCompleted(Id, Symbol, context.TimestampMs, state.Incoming, timedOut));
        }
        else if (handOver)
        {
            var inherit = ((IPositionTransfer)Child(state.Incoming)).InheritPosition(position, held.EntryPrice, context.TimestampMs);
            decision.Emit(new ChildDecided(Id, Symbol, context.TimestampMs, inherit));
            decision.Emit(new SwitchCompleted(Id, Symbol, context.TimestampMs, state.Incoming, timedOut));
        }
        else if (!PlaceClose(ref decision, context, position))
        {
            decision.Emit(new SwitchCompleted(Id, Symbol, context.TimestampMs, state.Incoming, timedOut));
        }
    }

    // Closes the symbol's position (signed) with a reduce-only MARKET order; false when no valid order exists.
    private bool PlaceClose(ref HybridDecisionBuilder decision, in StrategyContext context, decimal position)
    {
        var instrument = context.Instrument;
        var side = position > 0m ? OrderSide.Sell : OrderSide.Buy;
        var quantity = instrument.RoundQuantityDown(Math.Abs(position), OrderType.Market);
        var check = InstrumentRules.Normalize(instrument, OrderCheck.Market(side, quantity, reduceOnly: true));
        if (quantity <= 0m || !check.IsValid)
        {
            return false;
        }

        var id = _ids.Create(Id, Symbol, decision.State.Sequence + 1);
        var order = OrderIntent.Create(id, Id, Symbol, side, OrderType.Market, check.Order.Quantity, reduceOnly: true);
        decision.Emit(new ExposureCloseOrdered(Id, Symbol, context.TimestampMs, order, CloseReason));
        decision.Send(new PlaceOrder(order, CloseReason));
        return true;
    }

    private void OnOwnOrderEvent(ref HybridDecisionBuilder decision, IOrderEvent orderEvent, in StrategyContext context)
    {
        if (decision.State.Close is not { } close || close.Id != orderEvent.ClientOrderId)
        {
            return;
        }

        switch (orderEvent)
        {
            case OrderFilled { Fill: var fill } when !close.HasTrade(fill.TradeId) && fill.Quantity > 0m:
                decision.Emit(new ExposureCloseFilled(
                    Id, Symbol, context.TimestampMs, close.Id, fill.TradeId, fill.Price, fill.Quantity, fill.Fee));
                break;
            case OrderCanceled or OrderExpired or OrderRejected or OrderDenied when close.IsLive:
                decision.Emit(new ExposureCloseEnded(Id, Symbol, context.TimestampMs, close.Id, orderEvent.Kind));
                break;
        }
    }

    private static string Reason(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
