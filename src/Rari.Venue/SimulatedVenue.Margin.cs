using Rari.Domain.Orders;
using Rari.Venue.Accounts;

namespace Rari.Venue;

// Margin an order needs, what a closing order may close, and keeping the portfolio's marks and open-order margin current.
public sealed partial class SimulatedVenue
{
    // Initial margin of the part of a taker order that opens or grows a position, plus its taker fee.
    private static decimal TakerMargin(AccountSymbol state, OrderSide side, PositionSide positionSide, bool closing, decimal quantity, decimal price)
    {
        var portfolio = state.Account.Portfolio;
        var opening = closing ? 0m : Math.Max(0m, quantity - Closable(state, side, positionSide));
        return (opening * price / portfolio.LeverageOf(state.Market.Symbol)) + (quantity * price * state.Account.TakerRate);
    }

    // The growth of the symbol's open-order initial margin if this order rested (see OpenOrderExposure for the netting).
    private static decimal RestingMargin(AccountSymbol state, OrderSide side, PositionSide positionSide, bool closing, decimal quantity, decimal price)
    {
        if (closing)
        {
            return 0m;
        }

        var portfolio = state.Account.Portfolio;
        var symbol = state.Market.Symbol;
        var position = portfolio.PositionQuantity(symbol, PositionSide.Both);
        var before = state.Exposure.OpenNotional(portfolio.PositionMode, position);
        var after = state.Exposure.OpenNotional(portfolio.PositionMode, position, side, positionSide, quantity, quantity * price);
        return (after - before) / portfolio.LeverageOf(symbol);
    }

    /// <summary>
    /// How much an order on <paramref name="side"/> / <paramref name="positionSide"/> could close now: in one-way
    /// mode the opposite position, in hedge mode the leg a SELL on LONG or BUY on SHORT closes (0 for opening orders).
    /// </summary>
    private static decimal Closable(AccountSymbol state, OrderSide side, PositionSide positionSide)
    {
        var portfolio = state.Account.Portfolio;
        var symbol = state.Market.Symbol;
        return positionSide switch
        {
            PositionSide.Long => side == OrderSide.Sell ? portfolio.PositionQuantity(symbol, PositionSide.Long) : 0m,
            PositionSide.Short => side == OrderSide.Buy ? -portfolio.PositionQuantity(symbol, PositionSide.Short) : 0m,
            _ => Math.Max(0m, side == OrderSide.Buy
                ? -portfolio.PositionQuantity(symbol, PositionSide.Both)
                : portfolio.PositionQuantity(symbol, PositionSide.Both)),
        };
    }

    private static void RefreshOpenOrderMargin(AccountSymbol state)
    {
        var portfolio = state.Account.Portfolio;
        var symbol = state.Market.Symbol;
        var notional = state.Exposure.OpenNotional(portfolio.PositionMode, portfolio.PositionQuantity(symbol, PositionSide.Both));

        // Sums that cancel out can leave a decimal zero with the sign bit set, which the portfolio rightly refuses.
        portfolio.SetOpenOrderNotional(symbol, notional > 0m ? notional : 0m);
    }

    // Copies the venue's marks into the account's portfolio, which values positions at them.
    private static void SyncMarks(VenueAccount account)
    {
        foreach (var state in account.Symbols)
        {
            SyncMark(state);
        }
    }

    private static void SyncMark(AccountSymbol state)
    {
        var market = state.Market;
        if (market.HasMark && (!state.HasSyncedMark || state.SyncedMark != market.Mark))
        {
            state.Account.Portfolio.UpdateMark(market.Symbol, market.Mark);
            state.SyncedMark = market.Mark;
            state.HasSyncedMark = true;
        }
    }
}
