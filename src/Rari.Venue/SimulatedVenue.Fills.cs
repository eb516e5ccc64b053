using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Venue.Accounts;
using Rari.Venue.Events;
using Rari.Venue.Orders;

namespace Rari.Venue;

// The order lifecycle after acceptance: fills booked through the Domain portfolio, ends (cancel, expiry), and the
// events that report them.
public sealed partial class SimulatedVenue
{
    /// <summary>
    /// Books one fill: the portfolio applies it (position, realized PnL, fee, isolated wallet), the order advances,
    /// and the fill is reported as a TRADE (or CALCULATED for a liquidation) followed by an ACCOUNT_UPDATE. Then
    /// closing orders left with nothing to close expire, the open-order margin is refreshed, and the account's margin
    /// is checked.
    /// </summary>
    /// <param name="order">The order that fills.</param>
    /// <param name="price">Fill price.</param>
    /// <param name="quantity">Fill quantity, positive and never more than the order's leaves.</param>
    /// <param name="liquidity">Maker (resting order reached by the price path) or taker.</param>
    /// <param name="liquidationFee">For a liquidation fill, the liquidation fee charged instead of a commission.</param>
    private void ApplyFill(VenueOrder order, decimal price, decimal quantity, LiquiditySide liquidity, decimal? liquidationFee = null)
    {
        var state = order.Owner;
        var account = state.Account;
        SyncMark(state);
        var isLiquidation = liquidationFee is not null;
        var fee = liquidationFee ?? (price * quantity * (liquidity == LiquiditySide.Maker ? account.MakerRate : account.TakerRate));
        var tradeId = new TradeId(_nextTradeId++);
        var fill = new Fill(
            state.Market.Symbol, order.ClientOrderId, new VenueOrderId(order.OrderId), tradeId, order.Side, order.PositionSide,
            price, quantity, fee, liquidity, _now);
        var result = account.Portfolio.ApplyFill(fill);

        if (order.IsResting && order.Type == OrderType.Limit)
        {
            state.Exposure.Change(order, -quantity);
        }

        order.AddFill(price, quantity, _now);
        state.PositionUpdateMs = _now;
        if (!order.IsOpen)
        {
            RemoveFromOpen(order);
        }

        if (isLiquidation)
        {
            account.LiquidationFeesPaid += fee;
        }
        else
        {
            account.CommissionPaid += fee;
        }

        RecordTrade(order, tradeId, price, quantity, fee, liquidity, result.RealizedPnl, isLiquidation);
        var trade = new OrderTrade(tradeId, price, quantity, fee, MarginAsset, liquidity == LiquiditySide.Maker, result.RealizedPnl);
        PublishOrder(order, isLiquidation ? ExecutionType.Calculated : ExecutionType.Trade, trade);
        UpdateExposure(state);
        PublishAccountUpdate(account, AccountUpdateReason.Order, 0m, state, order.PositionSide);
        ExpireStrandedClosingOrders(state);
        RefreshOpenOrderMargin(state);
        if (!_inLiquidation)
        {
            CheckRisk(account, state.Market);
        }
    }

    private void RecordTrade(
        VenueOrder order, TradeId tradeId, decimal price, decimal quantity, decimal fee, LiquiditySide liquidity, decimal realized, bool isLiquidation)
    {
        if (!_options.RecordHistory)
        {
            return;
        }

        var account = order.Owner.Account;
        var symbol = order.Owner.Market.Symbol;
        account.Trades.Add(new UserTrade(
            tradeId, new VenueOrderId(order.OrderId), symbol, order.Side, order.PositionSide, price, quantity, price * quantity,
            fee, MarginAsset, realized, order.Side == OrderSide.Buy, liquidity == LiquiditySide.Maker, _now));
        var info = tradeId.ToString();
        if (realized != 0m)
        {
            RecordIncome(account, symbol, IncomeType.RealizedPnl, realized, info, tradeId);
        }

        if (fee != 0m)
        {
            RecordIncome(account, symbol, isLiquidation ? IncomeType.InsuranceClear : IncomeType.Commission, -fee, info, tradeId);
        }
    }

    private IncomeRecord? RecordIncome(VenueAccount account, Symbol? symbol, IncomeType type, decimal amount, string info, TradeId? tradeId)
    {
        if (!_options.RecordHistory)
        {
            return null;
        }

        var record = new IncomeRecord(symbol, type, amount, MarginAsset, info, _now, _nextTransactionId++, tradeId);
        account.Income.Add(record);
        return record;
    }

    private void ExpireIfOpen(VenueOrder order)
    {
        if (order.IsOpen)
        {
            EndOrder(order, OrderStatus.Expired, ExecutionType.Expired);
        }
    }

    private void EndOrder(VenueOrder order, OrderStatus status, ExecutionType execution)
    {
        RemoveFromOpen(order);
        order.End(status, _now);
        PublishOrder(order, execution, null);
        RefreshOpenOrderMargin(order.Owner);
    }

    // Takes the order out of every open-order structure: the book, the margin totals, the counts and the id maps.
    private void RemoveFromOpen(VenueOrder order)
    {
        var state = order.Owner;
        if (order.IsResting)
        {
            if (order.Type == OrderType.Limit)
            {
                state.Exposure.Change(order, -order.LeavesQuantity);
            }
            else if (order.IsWaitingForTrigger)
            {
                state.WaitingConditionalCount--;
            }

            state.Market.Unrest(order);
        }

        state.OpenOrders.Remove(order);
        if (state.OpenByClientId.TryGetValue(order.ClientOrderId.Value, out var byId) && ReferenceEquals(byId, order))
        {
            state.OpenByClientId.Remove(order.ClientOrderId.Value);
        }

        if (!_options.RecordHistory)
        {
            state.Account.OrdersById.Remove(order.OrderId);
        }
    }

    // §6.1 [conv]: a reduce-only (or hedge-closing) order whose position is gone, or now points the other way, expires.
    // closePosition orders stay: they size themselves when they trigger, and expire then if there is nothing to close.
    private void ExpireStrandedClosingOrders(AccountSymbol state)
    {
        var i = 0;
        while (i < state.OpenOrders.Count)
        {
            var order = state.OpenOrders[i];
            if (order.IsClosing && !order.ClosePosition && Closable(state, order.Side, order.PositionSide) == 0m)
            {
                EndOrder(order, OrderStatus.Expired, ExecutionType.Expired);
                continue;
            }

            i++;
        }
    }

    // Keeps the symbol's list of accounts with positions (the ones its price moves must check) in step with the portfolio.
    private static void UpdateExposure(AccountSymbol state)
    {
        var portfolio = state.Account.Portfolio;
        var symbol = state.Market.Symbol;
        var open = portfolio.PositionQuantity(symbol, PositionSide.Both) != 0m
            || portfolio.PositionQuantity(symbol, PositionSide.Long) != 0m
            || portfolio.PositionQuantity(symbol, PositionSide.Short) != 0m;
        if (open == state.IsExposed)
        {
            return;
        }

        state.IsExposed = open;
        if (open)
        {
            state.Market.Exposed.Add(state);
            return;
        }

        state.Market.Exposed.Remove(state);
        state.RiskLow = decimal.MinValue;
        state.RiskHigh = decimal.MaxValue;
        Array.Clear(state.IsolatedMarginCalled);
    }

    private void PublishOrder(VenueOrder order, ExecutionType execution, OrderTrade? trade)
    {
        var exposure = order.Owner.Exposure;
        Publish(new OrderUpdated(order.Owner.Account.Id, execution, order.ToSnapshot(), trade, exposure.BidNotional, exposure.AskNotional, _now));
    }

    private void PublishAccountUpdate(VenueAccount account, AccountUpdateReason reason, decimal balanceChange, AccountSymbol? state, PositionSide side)
    {
        var portfolio = account.Portfolio;
        var balance = new BalanceUpdate(MarginAsset, portfolio.WalletBalance, portfolio.CrossWalletBalance, balanceChange);
        IReadOnlyList<PositionUpdate> positions = state is not null && PositionRow(state, side) is { } row ? [row] : [];
        Publish(new AccountUpdated(account.Id, reason, balance, positions, _now));
    }

    private static PositionUpdate? PositionRow(AccountSymbol state, PositionSide side)
    {
        if (state.Account.Portfolio.GetPositionMargin(state.Market.Symbol, side) is not { } position)
        {
            return null;
        }

        return new PositionUpdate(
            position.Symbol, side, position.Quantity, position.EntryPrice, position.RealizedPnl, position.UnrealizedPnl,
            position.MarginType, position.IsolatedWallet);
    }
}
