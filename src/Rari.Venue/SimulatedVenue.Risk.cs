using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Venue.Accounts;
using Rari.Venue.Events;
using Rari.Venue.Margin;
using Rari.Venue.Matching;

namespace Rari.Venue;

// Margin checks (§6.5): margin calls, liquidation triggers, and the price bands that let price moves skip the check.
public sealed partial class SimulatedVenue
{
    /// <summary>
    /// Checks an account's margin at the current marks. An isolated position is liquidated when its isolated wallet
    /// plus unrealized PnL is at or below its maintenance margin; the cross positions together when the cross wallet
    /// plus cross unrealized PnL is at or below their maintenance margin. A <see cref="MarginCalled"/> comes first when
    /// the margin ratio (maintenance / balance) reaches <see cref="VenueOptions.MarginCallRatio"/>. Afterwards the
    /// account's price bands are recomputed.
    /// </summary>
    /// <param name="account">The account.</param>
    /// <param name="trigger">The symbol whose price move or event prompted the check, if any; a cross liquidation closes it last.</param>
    private void CheckRisk(VenueAccount account, SymbolMarket? trigger)
    {
        if (_inLiquidation)
        {
            return;
        }

        // The bands are about to move; points still ahead in the current market-data event must check them.
        _bandsHoldThisEvent = false;
        SyncMarks(account);
        var portfolio = account.Portfolio;
        var ratio = _options.MarginCallRatio;
        var hasCross = false;
        for (var s = 0; s < account.Symbols.Count; s++)
        {
            var state = account.Symbols[s];
            if (!state.IsExposed)
            {
                continue;
            }

            if (portfolio.MarginTypeOf(state.Market.Symbol) != MarginType.Isolated)
            {
                hasCross = true;
                continue;
            }

            for (var slot = 0; slot < 3; slot++)
            {
                if (portfolio.GetPositionMargin(state.Market.Symbol, AccountSymbol.SideOfSlot(slot)) is not { IsOpen: true } position)
                {
                    continue;
                }

                var balance = position.IsolatedMarginBalance;
                var warn = position.MaintenanceMargin >= ratio * balance;
                if (warn && !state.IsolatedMarginCalled[slot])
                {
                    state.IsolatedMarginCalled[slot] = true;
                    Publish(new MarginCalled(account.Id, portfolio.CrossWalletBalance, [CallRow(position)], _now));
                }
                else if (!warn)
                {
                    state.IsolatedMarginCalled[slot] = false;
                }

                if (balance <= position.MaintenanceMargin)
                {
                    LiquidateIsolated(state, position.Side);
                }
            }
        }

        if (hasCross)
        {
            CheckCross(account, trigger);
        }
        else
        {
            account.CrossMarginCalled = false;
        }

        UpdateRiskBands(account);
    }

    private void CheckCross(VenueAccount account, SymbolMarket? trigger)
    {
        var portfolio = account.Portfolio;
        var balance = portfolio.CrossMarginBalance;
        var maintenance = portfolio.CrossMaintenanceMargin;
        var warn = maintenance >= _options.MarginCallRatio * balance;
        if (warn && !account.CrossMarginCalled)
        {
            account.CrossMarginCalled = true;
            Publish(new MarginCalled(account.Id, portfolio.CrossWalletBalance, CrossCallRows(account), _now));
        }
        else if (!warn)
        {
            account.CrossMarginCalled = false;
        }

        if (balance <= maintenance)
        {
            LiquidateCross(account, trigger);
        }
    }

    // Sets each exposed symbol's band: while its mark stays strictly inside, no check can change its outcome (see RiskBand).
    private void UpdateRiskBands(VenueAccount account)
    {
        var portfolio = account.Portfolio;
        var ratio = _options.MarginCallRatio;
        var crossSymbols = 0;
        foreach (var state in account.Symbols)
        {
            if (state.IsExposed && portfolio.MarginTypeOf(state.Market.Symbol) == MarginType.Cross)
            {
                crossSymbols++;
            }
        }

        var crossSlack = crossSymbols == 0
            ? 0m
            : RiskBand.Slack(portfolio.CrossMarginBalance, portfolio.CrossMaintenanceMargin, ratio) / crossSymbols;
        foreach (var state in account.Symbols)
        {
            if (!state.IsExposed)
            {
                continue;
            }

            var market = state.Market;
            var isolated = portfolio.MarginTypeOf(market.Symbol) == MarginType.Isolated;
            var radius = decimal.MaxValue;
            var crossSize = 0m;
            for (var slot = 0; slot < 3; slot++)
            {
                if (portfolio.GetPositionMargin(market.Symbol, AccountSymbol.SideOfSlot(slot)) is not { IsOpen: true } position)
                {
                    continue;
                }

                var size = Math.Abs(position.Quantity);
                if (isolated)
                {
                    var slack = RiskBand.Slack(position.IsolatedMarginBalance, position.MaintenanceMargin, ratio);
                    radius = Math.Min(radius, RiskBand.Radius(slack, size, market.MaxMaintMarginRatio, ratio));
                }
                else
                {
                    crossSize += size;
                }
            }

            if (crossSize > 0m)
            {
                radius = Math.Min(radius, RiskBand.Radius(crossSlack, crossSize, market.MaxMaintMarginRatio, ratio));
            }

            var unbounded = radius == decimal.MaxValue;
            state.RiskLow = unbounded ? decimal.MinValue : market.Mark - radius;
            state.RiskHigh = unbounded ? decimal.MaxValue : market.Mark + radius;
        }
    }

    private static MarginCallPosition CallRow(PositionMargin position) => new(
        position.Symbol, position.Side, position.Quantity, position.MarginType, position.IsolatedWallet, position.MarkPrice,
        position.UnrealizedPnl, position.MaintenanceMargin);

    private static List<MarginCallPosition> CrossCallRows(VenueAccount account)
    {
        var rows = new List<MarginCallPosition>();
        var portfolio = account.Portfolio;
        foreach (var state in account.Symbols)
        {
            if (!state.IsExposed || portfolio.MarginTypeOf(state.Market.Symbol) != MarginType.Cross)
            {
                continue;
            }

            for (var slot = 0; slot < 3; slot++)
            {
                if (portfolio.GetPositionMargin(state.Market.Symbol, AccountSymbol.SideOfSlot(slot)) is { IsOpen: true } position)
                {
                    rows.Add(CallRow(position));
                }
            }
        }

        return rows;
    }
}
