using Rari.Aster.Sim.Instruments;
using Rari.Aster.Sim.Json;
using Rari.Domain.Identifiers;
using Rari.Venue.Events;
using VenueMarginCall = Rari.Venue.Events.MarginCallPosition;
using VenuePositionUpdate = Rari.Venue.Events.PositionUpdate;

namespace Rari.Aster.Sim.Trading;

/// <summary>
/// Turns the venue's events into Aster's user-stream events (fact sheet §4.5): <see cref="OrderUpdated"/> into
/// <c>ORDER_TRADE_UPDATE</c>, <see cref="AccountUpdated"/> into <c>ACCOUNT_UPDATE</c>, <see cref="MarginCalled"/> into
/// <c>MARGIN_CALL</c>. A <see cref="PositionLiquidated"/> has no user event of its own: its order's CALCULATED update
/// and the ACCOUNT_UPDATE that follows tell the story.
/// </summary>
/// <remarks>
/// Event time <c>E</c> and transaction time <c>T</c> are the venue's time (market time). ACCOUNT_UPDATE lists only
/// positions with a non-zero amount or isolated wallet, as §4.5 says, so a position that closes drops out of
/// <c>a.P</c>. Commission (<c>N</c>, <c>n</c>) is sent on trades that paid or earned one and left out otherwise.
/// </remarks>
internal sealed class UserEventTranslator(Func<Symbol, SymbolSpec> specs)
{
    /// <summary>The user event for a venue event, or null when the event has none.</summary>
    public Streams.UserStreamEvent? Translate(IVenueEvent venueEvent) => venueEvent switch
    {
        OrderUpdated order => OrderTrade(order),
        AccountUpdated account => Account(account),
        MarginCalled call => Call(call),
        _ => null,
    };

    private Streams.OrderTradeUpdate OrderTrade(OrderUpdated e)
    {
        var order = e.Order;
        var spec = specs(order.Symbol);
        var trade = e.Trade;
        var update = new Streams.OrderUpdate(
            order.Symbol.Value,
            order.ClientOrderId.Value,
            TradingWire.Side(order.Side),
            TradingWire.Type(order.Type, order.IsLiquidation),
            TradingWire.TimeInForce(order.TimeInForce),
            TradingNumbers.Quantity(spec, order.OriginalQuantity),
            TradingNumbers.Price(spec, order.Price),
            TradingNumbers.Average(spec, order.AveragePrice),
            TradingNumbers.Price(spec, order.StopPrice),
            TradingWire.Execution(e.Execution),
            TradingWire.Status(order.Status),
            order.OrderId.Value,
            TradingNumbers.Quantity(spec, trade?.Quantity ?? 0m),
            TradingNumbers.Quantity(spec, order.ExecutedQuantity),
            TradingNumbers.Price(spec, trade?.Price ?? 0m),
            e.TimeMs,
            trade?.TradeId.Value ?? 0L,
            TradingNumbers.Money(e.OpenBidNotional),
            TradingNumbers.Money(e.OpenAskNotional),
            trade?.IsMaker ?? false,
            order.ReduceOnly,
            TradingWire.WorkingType(order.WorkingType),
            TradingWire.Type(order.OriginalType, order.IsLiquidation),
            TradingWire.PositionSide(order.PositionSide),
            order.ClosePosition,
            TradingNumbers.Money(trade?.RealizedProfit ?? 0m))
        {
            CommissionAsset = trade is { Commission: not 0m } ? trade.CommissionAsset : null,
            Commission = trade is { Commission: not 0m } ? AsterNumber.Plain(trade.Commission) : null,
        };
        return new Streams.OrderTradeUpdate(e.TimeMs, e.TimeMs, update);
    }

    private Streams.AccountUpdate Account(AccountUpdated e)
    {
        var balance = e.Balance;
        var balances = new Streams.BalanceUpdate[]
        {
            new Streams.BalanceUpdate(
                balance.Asset,
                TradingNumbers.Money(balance.WalletBalance),
                TradingNumbers.Money(balance.CrossWalletBalance),
                TradingNumbers.Money(balance.BalanceChange)),
        };
        var positions = new List<Streams.PositionUpdate>(e.Positions.Count);
        foreach (var position in e.Positions)
        {
            if (position.Quantity != 0m || position.IsolatedWallet != 0m)
            {
                positions.Add(Position(position));
            }
        }

        return new Streams.AccountUpdate(e.TimeMs, e.TimeMs, TradingWire.AccountUpdateReason(e.Reason), balances, positions);
    }

    private Streams.PositionUpdate Position(VenuePositionUpdate p)
    {
        var spec = specs(p.Symbol);
        return new Streams.PositionUpdate(
            p.Symbol.Value,
            TradingNumbers.Quantity(spec, p.Quantity),
            TradingNumbers.Average(spec, p.EntryPrice),
            TradingNumbers.Money(p.AccumulatedRealized),
            TradingNumbers.Money(p.UnrealizedPnl),
            TradingWire.MarginTypeLower(p.MarginType),
            TradingNumbers.Money(p.IsolatedWallet),
            TradingWire.PositionSide(p.Side));
    }

    private Streams.MarginCall Call(MarginCalled e)
    {
        var rows = new List<Streams.MarginCallPosition>(e.Positions.Count);
        foreach (var p in e.Positions)
        {
            rows.Add(CallRow(p));
        }

        return new Streams.MarginCall(e.TimeMs, TradingNumbers.Money(e.CrossWalletBalance), rows);
    }

    private Streams.MarginCallPosition CallRow(VenueMarginCall p)
    {
        var spec = specs(p.Symbol);
        return new Streams.MarginCallPosition(
            p.Symbol.Value,
            TradingWire.PositionSide(p.Side),
            TradingNumbers.Quantity(spec, p.Quantity),
            TradingWire.MarginTypeUpper(p.MarginType),
            TradingNumbers.Money(p.IsolatedWallet),
            TradingNumbers.Price(spec, p.MarkPrice),
            TradingNumbers.Money(p.UnrealizedPnl),
            TradingNumbers.Money(p.MaintenanceMargin));
    }
}
