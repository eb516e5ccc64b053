using System.Globalization;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Venue.Accounts;
using Rari.Venue.Events;
using Rari.Venue.Liquidation;
using Rari.Venue.Matching;
using Rari.Venue.Orders;

namespace Rari.Venue;

// Liquidation: cancel the orders, close at the bankruptcy price (see BankruptcyPrice), charge the liquidation fee.
public sealed partial class SimulatedVenue
{
    // An isolated position: its symbol's open orders are cancelled and it closes at its own bankruptcy price.
    private void LiquidateIsolated(AccountSymbol state, PositionSide side)
    {
        _inLiquidation = true;
        try
        {
            CancelOpenOrders(state);
            var portfolio = state.Account.Portfolio;
            var position = portfolio.GetPositionMargin(state.Market.Symbol, side)!.Value;
            var instrument = state.Market.Instrument;
            var size = Math.Abs(position.Quantity);
            var price = BankruptcyPrice.Solve(position.IsolatedWallet, position.CostBasis, position.Quantity, size, instrument.LiquidationFeeRate)
                ?? position.MarkPrice;
            var slope = position.Quantity - (instrument.LiquidationFeeRate * size);
            ClosePosition(state, position, BankruptcyPrice.Round(instrument, price, slope > 0m), MarginType.Isolated);
        }
        finally
        {
            _inLiquidation = false;
        }
    }

    /// <summary>
    /// The cross positions: every open order of the account is cancelled; the cross positions of the other symbols
    /// close at their marks (rounded in the account's favour), then those of the bankrupt symbol (the one whose move
    /// triggered, or else the largest cross notional) at the bankruptcy price that leaves the cross margin at zero.
    /// </summary>
    private void LiquidateCross(VenueAccount account, SymbolMarket? trigger)
    {
        _inLiquidation = true;
        try
        {
            foreach (var state in account.Symbols)
            {
                CancelOpenOrders(state);
            }

            var portfolio = account.Portfolio;
            var cross = new List<AccountSymbol>();
            AccountSymbol? bankrupt = null;
            var largest = -1m;
            foreach (var state in account.Symbols)
            {
                if (!state.IsExposed || portfolio.MarginTypeOf(state.Market.Symbol) != MarginType.Cross)
                {
                    continue;
                }

                cross.Add(state);
                var notional = OpenLegs(state, out _).Notional;
                if (state.Market == trigger || (bankrupt?.Market != trigger && notional > largest))
                {
                    bankrupt = state;
                    largest = notional;
                }
            }

            foreach (var state in cross)
            {
                if (state == bankrupt)
                {
                    continue;
                }

                OpenLegs(state, out var legs);
                foreach (var leg in legs)
                {
                    ClosePosition(state, leg, BankruptcyPrice.Round(state.Market.Instrument, leg.MarkPrice, leg.Quantity > 0m), MarginType.Cross);
                }
            }

            if (bankrupt is not null)
            {
                CloseAtBankruptcy(bankrupt);
            }
        }
        finally
        {
            _inLiquidation = false;
        }
    }

    private void CloseAtBankruptcy(AccountSymbol state)
    {
        var totals = OpenLegs(state, out var legs);
        var instrument = state.Market.Instrument;
        var rate = instrument.LiquidationFeeRate;
        var backing = state.Account.Portfolio.CrossWalletBalance;
        var slope = totals.Quantity - (rate * totals.Size);
        var price = BankruptcyPrice.Solve(backing, totals.CostBasis, totals.Quantity, totals.Size, rate) ?? state.Market.Mark;
        var rounded = BankruptcyPrice.Round(instrument, price, slope != 0m ? slope > 0m : totals.Quantity > 0m);
        foreach (var leg in legs)
        {
            ClosePosition(state, leg, rounded, MarginType.Cross);
        }
    }

    // The symbol's open positions and their totals (signed quantity, size, cost basis, notional at the mark).
    private static (decimal Quantity, decimal Size, decimal CostBasis, decimal Notional) OpenLegs(AccountSymbol state, out List<PositionMargin> legs)
    {
        legs = [];
        var portfolio = state.Account.Portfolio;
        decimal quantity = 0m, size = 0m, cost = 0m, notional = 0m;
        for (var slot = 0; slot < 3; slot++)
        {
            if (portfolio.GetPositionMargin(state.Market.Symbol, AccountSymbol.SideOfSlot(slot)) is { IsOpen: true } leg)
            {
                legs.Add(leg);
                quantity += leg.Quantity;
                size += Math.Abs(leg.Quantity);
                cost += leg.CostBasis;
                notional += leg.Notional;
            }
        }

        return (quantity, size, cost, notional);
    }

    // Closes one position with a liquidation order (client id autoclose-n) filled in full at the price, fee charged.
    private void ClosePosition(AccountSymbol state, PositionMargin position, decimal price, MarginType marginType)
    {
        var account = state.Account;
        var size = Math.Abs(position.Quantity);
        var orderId = _nextOrderId++;
        var clientOrderId = new ClientOrderId(string.Create(CultureInfo.InvariantCulture, $"autoclose-{_nextLiquidationId++}"));
        var order = new VenueOrder(
            orderId, clientOrderId, state, position.Quantity > 0m ? OrderSide.Sell : OrderSide.Buy, position.Side, OrderType.Market,
            TimeInForce.Gtc, 0m, 0m, size, reduceOnly: position.Side == PositionSide.Both, closePosition: false, WorkingType.ContractPrice, _now)
        {
            IsLiquidation = true,
        };
        account.OrdersById[orderId] = order;
        if (_options.RecordHistory)
        {
            state.History.Add(order);
            state.LatestByClientId[clientOrderId.Value] = order;
        }

        var fee = size * price * state.Market.Instrument.LiquidationFeeRate;
        ApplyFill(order, price, size, LiquiditySide.Taker, fee);
        Publish(new PositionLiquidated(
            account.Id, position.Symbol, position.Side, marginType, position.Quantity, position.MarkPrice, price, fee, new VenueOrderId(orderId), _now));
    }
}
