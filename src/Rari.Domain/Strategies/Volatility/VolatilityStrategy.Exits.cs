using Rari.Domain.Instruments;
using Rari.Domain.Market;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Volatility;

// Exits: the resting stop-loss and take-profit, the trailing stop, the time exit and closing at market.
public sealed partial class VolatilityStrategy
{
    private const string StopLossReason = "volatility stop-loss";
    private const string TakeProfitReason = "volatility take-profit";
    private const string TrailingReason = "volatility trailing stop moved";
    private const string ClosedReason = "position closed: the other exits are no longer needed";

    private void ManagePosition(ref VolatilityDecisionBuilder decision, in Kline bar, in StrategyContext context)
    {
        if (context.TradingState == TradingState.Halted)
        {
            return;
        }

        var state = decision.State;
        if (!state.ExitsPlaced)
        {
            // An inherited position, or one opened while halted: protect it now.
            PlaceExits(ref decision, context, bar.Close);
            return;
        }

        if (!state.HasWorking(OrderRole.StopLoss))
        {
            // The stop ended while we could not act on it (halted): never stay unprotected.
            RequestClose(ref decision, context, ExitReason.ExitOrderLost, bar.Close);
            return;
        }

        var holding = (long)_settings.MaxHoldingTime.TotalMilliseconds;
        if (holding > 0 && context.TimestampMs - state.EntryTimeMs >= holding)
        {
            RequestClose(ref decision, context, ExitReason.TimeExit, bar.Close);
            return;
        }

        if (_settings.TrailingEnabled)
        {
            Trail(ref decision, bar, context);
        }
    }

    private void ManageExit(ref VolatilityDecisionBuilder decision, in StrategyContext context)
    {
        var state = decision.State;
        if (context.TradingState == TradingState.Halted || state.PositionQuantity <= 0m || state.HasLive(OrderRole.Close))
        {
            return;
        }

        // The market close ended without closing everything (rejected, expired): try again, once per bar.
        RequestClose(ref decision, context, state.CloseReason ?? ExitReason.ExitOrderLost, _signals.LastClose);
    }

    // The entry is done: record the position and protect it in the same decision.
    private void OpenPosition(ref VolatilityDecisionBuilder decision, in StrategyContext context, decimal lastPrice)
    {
        var state = decision.State;
        decision.Emit(new PositionOpened(
            Id, Symbol, context.TimestampMs, state.Direction, state.PositionQuantity, state.AverageEntryPrice));
        if (context.TradingState != TradingState.Halted)
        {
            PlaceExits(ref decision, context, lastPrice);
        }
    }

    private void PlaceExits(ref VolatilityDecisionBuilder decision, in StrategyContext context, decimal lastPrice)
    {
        var state = decision.State;
        var instrument = context.Instrument;
        var isLong = state.Direction == PositionDirection.Long;
        var exitSide = isLong ? OrderSide.Sell : OrderSide.Buy;
        var entry = state.AverageEntryPrice;
        var distance = _settings.StopDistance == StopDistanceMode.StopLossPercent || state.StopDistance <= 0m
            ? entry * _settings.StopLossPercent
            : state.StopDistance;
        var stop = instrument.RoundPriceForSide(exitSide, isLong ? entry - distance : entry + distance);
        var target = instrument.RoundPriceForSide(
            exitSide, isLong ? entry * (1m + _settings.TakeProfitPercent) : entry * (1m - _settings.TakeProfitPercent));

        // Already through a level: the venue would refuse the order (-2021), so take the exit now.
        if (isLong ? lastPrice <= stop : lastPrice >= stop)
        {
            RequestClose(ref decision, context, ExitReason.StopLoss, lastPrice);
            return;
        }

        if (isLong ? lastPrice >= target : lastPrice <= target)
        {
            RequestClose(ref decision, context, ExitReason.TakeProfit, lastPrice);
            return;
        }

        var quantity = instrument.RoundQuantityDown(state.PositionQuantity, OrderType.StopMarket);
        var openOrders = state.LiveOrderCount();
        var openAlgo = CountLiveAlgo(state);
        var stopCheck = InstrumentRules.Normalize(
            instrument,
            OrderCheck.StopMarket(exitSide, stop, quantity, reduceOnly: true) with { OpenOrderCount = openOrders, OpenAlgoOrderCount = openAlgo });
        var targetCheck = InstrumentRules.Normalize(
            instrument,
            OrderCheck.TakeProfitMarket(exitSide, target, quantity, reduceOnly: true) with
            {
                OpenOrderCount = openOrders + 1,
                OpenAlgoOrderCount = openAlgo + 1,
            });
        if (!stopCheck.IsValid || !targetCheck.IsValid)
        {
            // An exit the venue would refuse is no protection: close instead.
            RequestClose(ref decision, context, ExitReason.ExitOrderLost, lastPrice);
            return;
        }

        var stopLoss = OrderIntent.Create(
            NextId(decision, 1), Id, Symbol, exitSide, OrderType.StopMarket, stopCheck.Order.Quantity, stopPrice: stopCheck.Order.StopPrice, reduceOnly: true);
        var takeProfit = OrderIntent.Create(
            NextId(decision, 2), Id, Symbol, exitSide, OrderType.TakeProfitMarket, targetCheck.Order.Quantity, stopPrice: targetCheck.Order.StopPrice, reduceOnly: true);
        decision.Emit(new ExitOrdersPlaced(Id, Symbol, context.TimestampMs, stopLoss, takeProfit));
        decision.Send(new PlaceOrder(stopLoss, StopLossReason));
        decision.Send(new PlaceOrder(takeProfit, TakeProfitReason));
    }

    // Moves the stop toward the best price of the bar, only in the position's favour, in steps of at least the minimum.
    private void Trail(ref VolatilityDecisionBuilder decision, in Kline bar, in StrategyContext context)
    {
        var state = decision.State;
        var instrument = context.Instrument;
        var isLong = state.Direction == PositionDirection.Long;
        var extreme = isLong ? bar.High : bar.Low;
        var entry = state.AverageEntryPrice;
        var activated = isLong
            ? extreme >= entry * (1m + _settings.TrailingActivationPercent)
            : extreme <= entry * (1m - _settings.TrailingActivationPercent);
        if (!activated || (isLong ? extreme <= state.TrailingExtreme : extreme >= state.TrailingExtreme))
        {
            return;
        }

        var distance = _settings.StopDistance == StopDistanceMode.StopLossPercent || state.StopDistance <= 0m
            ? extreme * _settings.StopLossPercent
            : state.StopDistance;
        var exitSide = isLong ? OrderSide.Sell : OrderSide.Buy;
        var candidate = instrument.RoundPriceForSide(exitSide, isLong ? extreme - distance : extreme + distance);
        var minimumStep = Math.Max(
            _settings.TrailingMinStepTicks * instrument.PriceFilter.TickSize, _settings.TrailingMinStepPercent * bar.Close);
        var improves = isLong ? candidate >= state.StopPrice + minimumStep : candidate <= state.StopPrice - minimumStep;

        // A stop at or beyond the last price would trigger at once (-2021); it moves on a later bar if the price recovers.
        var safe = isLong ? candidate < bar.Close : candidate > bar.Close;
        if (!improves || !safe || FindWorking(state, OrderRole.StopLoss) is not { } current)
        {
            return;
        }

        var check = InstrumentRules.Normalize(
            instrument,
            OrderCheck.StopMarket(exitSide, candidate, current.Quantity, reduceOnly: true) with
            {
                OpenOrderCount = state.LiveOrderCount(),
                OpenAlgoOrderCount = CountLiveAlgo(state),
            });
        if (!check.IsValid)
        {
            return;
        }

        // Place the new stop before cancelling the old one: two reduce-only stops for a moment are harmless, none is not.
        var stopLoss = OrderIntent.Create(
            NextId(decision), Id, Symbol, exitSide, OrderType.StopMarket, check.Order.Quantity, stopPrice: check.Order.StopPrice, reduceOnly: true);
        decision.Emit(new TrailingStopMoved(Id, Symbol, context.TimestampMs, stopLoss, current.Id, extreme));
        decision.Send(new PlaceOrder(stopLoss, TrailingReason));
        decision.Send(new CancelOrder(Symbol, current.Id, TrailingReason));
    }

    // Closes the whole position with a reduce-only MARKET order; the resting exits stay until it has filled.
    private void RequestClose(ref VolatilityDecisionBuilder decision, in StrategyContext context, ExitReason reason, decimal lastPrice)
    {
        var state = decision.State;
        var instrument = context.Instrument;
        var side = state.Direction == PositionDirection.Long ? OrderSide.Sell : OrderSide.Buy;
        var quantity = instrument.RoundQuantityDown(state.PositionQuantity, OrderType.Market);
        var check = InstrumentRules.Normalize(
            instrument, OrderCheck.Market(side, quantity, reduceOnly: true) with { MarkPrice = MarkOr(context, lastPrice) });
        if (quantity <= 0m || !check.IsValid)
        {
            // Nothing the venue would accept (a remainder below the minimum quantity); the resting exits still cover it.
            return;
        }

        var order = OrderIntent.Create(NextId(decision), Id, Symbol, side, OrderType.Market, check.Order.Quantity, reduceOnly: true);
        decision.Emit(new PositionCloseRequested(Id, Symbol, context.TimestampMs, order, reason));
        decision.Send(new PlaceOrder(order, CloseReasonText(reason)));
    }

    // The position is flat: record the round trip and cancel every order of it that may still trade.
    private void ClosePosition(ref VolatilityDecisionBuilder decision, in StrategyContext context, OrderRole closedBy)
    {
        var state = decision.State;
        var reason = closedBy switch
        {
            OrderRole.StopLoss => state.StopTrailed ? ExitReason.TrailingStop : ExitReason.StopLoss,
            OrderRole.TakeProfit => ExitReason.TakeProfit,
            _ => state.CloseReason ?? ExitReason.ExitOrderLost,
        };
        var sign = state.Direction == PositionDirection.Long ? 1m : -1m;

        // With equal quantities the notionals give the PnL exactly; otherwise the closed part is valued at the average entry.
        var gross = state.ExitQuantity == state.EntryQuantity
            ? sign * (state.ExitNotional - state.EntryNotional)
            : sign * (state.ExitNotional - (state.AverageEntryPrice * state.ExitQuantity));
        var fees = state.EntryFees + state.ExitFees;
        decision.Emit(new PositionClosed(
            Id,
            Symbol,
            context.TimestampMs,
            reason,
            state.Direction,
            state.ExitQuantity,
            state.AverageEntryPrice,
            state.AverageExitPrice,
            fees,
            gross - fees));

        foreach (var exit in state.Exits)
        {
            if (exit.Status == TrackedOrderStatus.Working)
            {
                decision.Emit(new CancelRequested(Id, Symbol, context.TimestampMs, exit.Id, ClosedReason));
                decision.Send(new CancelOrder(Symbol, exit.Id, ClosedReason));
            }
        }
    }

    private static TrackedOrder? FindWorking(VolatilityState state, OrderRole role)
    {
        foreach (var exit in state.Exits)
        {
            if (exit.Role == role && exit.Status == TrackedOrderStatus.Working)
            {
                return exit;
            }
        }

        return null;
    }

    private static int CountLiveAlgo(VolatilityState state)
    {
        var count = 0;
        foreach (var exit in state.Exits)
        {
            if (exit.IsLive && exit.Type is OrderType.StopMarket or OrderType.TakeProfitMarket)
            {
                count++;
            }
        }

        return count;
    }

    private static string CloseReasonText(ExitReason reason) => reason switch
    {
        ExitReason.TimeExit => "volatility time exit: maximum holding time reached",
        ExitReason.StopLoss => "volatility stop-loss: price already beyond the stop",
        ExitReason.TakeProfit => "volatility take-profit: price already beyond the target",
        _ => "volatility exit order lost: closing rather than staying unprotected",
    };
}
