using Rari.Aster.Models;
using Rari.Aster.Streams;
using Rari.Domain.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;

namespace Rari.Actors.Execution;

/// <summary>Turns the client's venue objects into the Domain's reconciliation inputs and the gateway's account view.</summary>
internal static class VenueMapping
{
    /// <summary>The order as a reconciliation report; null when its side is one the order model does not know.</summary>
    public static VenueOrderReport? ToReport(this AsterOrder order)
    {
        if (!order.Side.IsKnown)
        {
            return null;
        }

        var type = order.OrigType.IsKnown ? order.OrigType.Value : order.Type.Value;
        return new VenueOrderReport(
            new Symbol(order.Symbol),
            order.ClientOrderId,
            new VenueOrderId(order.OrderId),
            order.DomainStatus,
            order.Side.Value,
            order.PositionSide.IsKnown ? order.PositionSide.Value : PositionSide.Both,
            type switch
            {
                AsterOrderType.Limit => OrderType.Limit,
                AsterOrderType.Market => OrderType.Market,
                AsterOrderType.StopMarket => OrderType.StopMarket,
                AsterOrderType.TakeProfitMarket => OrderType.TakeProfitMarket,
                _ => null,
            },
            order.OrigQty,
            order.ExecutedQty,
            order.Price,
            order.StopPrice,
            order.TimeInForce.IsKnown && type == AsterOrderType.Limit
                ? order.TimeInForce.Value switch
                {
                    AsterTimeInForce.Gtc => TimeInForce.Gtc,
                    AsterTimeInForce.Ioc => TimeInForce.Ioc,
                    AsterTimeInForce.Fok => TimeInForce.Fok,
                    AsterTimeInForce.Gtx => TimeInForce.Gtx,
                    _ => null,
                }
                : null,
            order.ReduceOnly,
            order.ClosePosition,
            order.Time > 0 ? order.Time : order.UpdateTime,
            order.UpdateTime > 0 ? order.UpdateTime : order.Time);
    }

    /// <summary>One of our trades as a fill of <paramref name="id"/>.</summary>
    /// <exception cref="InvalidOperationException">The side is unknown, or the commission is in another asset than the quote.</exception>
    public static Fill ToFill(this AsterUserTrade trade, ClientOrderId id)
    {
        var symbol = new Symbol(trade.Symbol);
        if (!trade.Side.IsKnown)
        {
            throw new InvalidOperationException($"Trade {trade.Id} of order {id} has side '{trade.Side.Raw}', which is neither BUY nor SELL.");
        }

        var asset = trade.CommissionAsset;
        if (trade.Commission != 0m && !string.IsNullOrEmpty(asset) && !trade.Symbol.EndsWith(asset, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Trade {trade.Id} of order {id} paid its commission of {trade.Commission} in {asset}, not in {trade.Symbol}'s quote asset; its value is unknown.");
        }

        return new Fill(
            symbol,
            id,
            new VenueOrderId(trade.OrderId),
            new TradeId(trade.Id),
            trade.Side.Value,
            trade.PositionSide.IsKnown ? trade.PositionSide.Value : PositionSide.Both,
            trade.Price,
            trade.Qty,
            trade.Commission,
            trade.Maker ? LiquiditySide.Maker : LiquiditySide.Taker,
            trade.Time);
    }

    /// <summary>The account view from REST: totals from the account, positions from positionRisk (non-flat only).</summary>
    public static AccountChanged ToAccountChanged(AsterAccount account, IReadOnlyList<AsterPositionRisk> positions, long timestampMs)
    {
        var reports = new List<PositionReport>();
        foreach (var position in positions)
        {
            if (position.PositionAmt == 0m && position.IsolatedWallet == 0m)
            {
                continue;
            }

            reports.Add(new PositionReport(
                new Symbol(position.Symbol),
                position.PositionSide.IsKnown ? position.PositionSide.Value : PositionSide.Both,
                position.PositionAmt,
                position.EntryPrice,
                position.UnRealizedProfit,
                position.Leverage,
                ToMarginType(position.MarginType),
                position.IsolatedWallet));
        }

        return new AccountChanged(timestampMs, account.TotalWalletBalance, account.TotalMarginBalance, account.AvailableBalance, reports);
    }

    /// <summary>
    /// The account view after an <c>ACCOUNT_UPDATE</c>: the USDT wallet and the listed positions replace the previous
    /// ones (a position listed flat disappears); equity is the wallet plus every position's unrealized PnL. The
    /// available balance is not in the event, so the previous one stands until the next reconciliation.
    /// </summary>
    /// <remarks>
    /// Aster lists only positions with an amount (fact sheet §4.5), so a position that a fill closed is simply absent
    /// from the update that follows the fill. An update for fills (reason <c>ORDER</c>) therefore also closes every
    /// position of <paramref name="tradedSince"/> it does not list; other reasons (funding, transfers) list no positions
    /// of the cross account and close nothing.
    /// </remarks>
    /// <param name="previous">The view so far, if any.</param>
    /// <param name="update">The event.</param>
    /// <param name="tradedSince">The positions (symbol and side) that had a fill since the previous <c>ACCOUNT_UPDATE</c>.</param>
    public static AccountChanged Merge(AccountChanged? previous, AsterAccountUpdate update, IReadOnlySet<(Symbol Symbol, PositionSide Side)> tradedSince)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(tradedSince);
        var closesUnlisted = update.Reason.Is(AsterAccountUpdateReason.Order);
        var wallet = previous?.WalletBalance ?? 0m;
        foreach (var balance in update.Balances)
        {
            if (string.Equals(balance.Asset, "USDT", StringComparison.OrdinalIgnoreCase))
            {
                wallet = balance.WalletBalance;
            }
        }

        var positions = new List<PositionReport>();
        foreach (var held in previous?.Positions ?? [])
        {
            var listed = update.Positions.Any(p => p.Symbol == held.Symbol && SideOf(p) == held.Side);
            var closedByFill = closesUnlisted && tradedSince.Contains((held.Symbol, held.Side));
            if (!listed && !closedByFill)
            {
                positions.Add(held);
            }
        }

        foreach (var position in update.Positions)
        {
            if (position.PositionAmount == 0m && position.IsolatedWallet == 0m)
            {
                continue;
            }

            var leverage = previous?.Positions.FirstOrDefault(p => p.Symbol == position.Symbol)?.Leverage ?? 0;
            positions.Add(new PositionReport(
                position.Symbol, SideOf(position), position.PositionAmount, position.EntryPrice, position.UnrealizedPnl, leverage,
                ToMarginType(position.MarginType), position.IsolatedWallet));
        }

        var equity = wallet + positions.Sum(p => p.UnrealizedPnl);
        return new AccountChanged(update.TransactionTimeMs, wallet, equity, previous?.AvailableBalance ?? 0m, positions);
    }

    private static PositionSide SideOf(AsterPositionUpdate position) => position.PositionSide.IsKnown ? position.PositionSide.Value : PositionSide.Both;

    private static MarginType ToMarginType(WireValue<AsterMarginType> marginType) =>
        marginType.Is(AsterMarginType.Isolated) ? MarginType.Isolated : MarginType.Cross;
}
