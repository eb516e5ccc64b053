using Rari.Domain.Portfolio;
using Rari.Venue.Accounts;
using Rari.Venue.Events;
using Rari.Venue.Funding;
using Rari.Venue.Matching;

namespace Rari.Venue;

// Time: countdown cancel-alls and funding settlements fire as the venue's clock passes them.
public sealed partial class SimulatedVenue
{
    private bool _fundingUnscheduled;

    /// <summary>
    /// Moves the venue's clock forward to <paramref name="nowMs"/> (market data does this too), firing in time order
    /// every countdown cancel-all and funding settlement that falls due on the way. An earlier time is ignored: the
    /// clock never runs back.
    /// </summary>
    /// <remarks>
    /// Funding settles at every multiple of the symbol's funding interval (UTC, from the epoch): each open position pays
    /// <c>quantity × mark × rate</c> (longs pay shorts when the rate is positive), the rate being the recorded one for
    /// that time, else the mark feed's latest estimate, else <see cref="SymbolSettings.DefaultFundingRate"/>, clamped to
    /// the symbol's cap and floor. Due items at the same time fire symbols' funding first (listing order), then
    /// countdowns (account order).
    /// </remarks>
    public void AdvanceTime(long nowMs)
    {
        if (nowMs <= _now)
        {
            return;
        }

        if (_fundingUnscheduled)
        {
            ScheduleUnscheduledFunding(nowMs);
        }

        if (nowMs >= _nextDeadlineMs)
        {
            FireTimers(nowMs);
        }

        _now = nowMs;
    }

    private void ScheduleFunding(SymbolMarket market)
    {
        if (_now > 0)
        {
            market.NextFundingMs = FundingSchedule.NextAfter(_now, market.Settings.FundingIntervalMs);
        }
        else
        {
            _fundingUnscheduled = true;
        }
    }

    private void ScheduleUnscheduledFunding(long nowMs)
    {
        foreach (var market in _markets)
        {
            if (market.NextFundingMs == 0)
            {
                market.NextFundingMs = FundingSchedule.NextAfter(nowMs, market.Settings.FundingIntervalMs);
            }
        }

        _fundingUnscheduled = false;
        RefreshNextDeadline();
    }

    private void FireTimers(long untilMs)
    {
        while (true)
        {
            var (due, market, countdown) = EarliestDeadline();
            if (due > untilMs)
            {
                _nextDeadlineMs = due;
                return;
            }

            _now = Math.Max(_now, due);
            if (market is not null)
            {
                SettleFunding(market, due);
            }
            else
            {
                countdown!.CountdownDeadlineMs = 0;
                CancelOpenOrders(countdown);
            }
        }
    }

    private void RefreshNextDeadline() => _nextDeadlineMs = EarliestDeadline().Due;

    private (long Due, SymbolMarket? Market, AccountSymbol? Countdown) EarliestDeadline()
    {
        var due = long.MaxValue;
        SymbolMarket? dueMarket = null;
        AccountSymbol? dueCountdown = null;
        foreach (var market in _markets)
        {
            if (market.NextFundingMs != 0 && market.NextFundingMs < due)
            {
                due = market.NextFundingMs;
                dueMarket = market;
            }
        }

        foreach (var account in _accounts)
        {
            foreach (var state in account.Symbols)
            {
                if (state.CountdownDeadlineMs != 0 && state.CountdownDeadlineMs < due)
                {
                    due = state.CountdownDeadlineMs;
                    dueMarket = null;
                    dueCountdown = state;
                }
            }
        }

        return (due, dueMarket, dueCountdown);
    }

    private void SettleFunding(SymbolMarket market, long fundingTimeMs)
    {
        market.NextFundingMs = fundingTimeMs + market.Settings.FundingIntervalMs;
        var rate = FundingSchedule.RateFor(market, fundingTimeMs);
        if (!market.HasMark || market.Exposed.Count == 0)
        {
            return;
        }

        foreach (var state in market.Exposed.ToArray())
        {
            if (!state.IsExposed)
            {
                continue;
            }

            var account = state.Account;
            SyncMark(state);
            var paid = account.Portfolio.ApplyFunding(market.Symbol, rate, market.Mark, fundingTimeMs).Paid;
            if (paid == 0m)
            {
                continue;
            }

            state.PositionUpdateMs = _now;
            RecordIncome(account, market.Symbol, IncomeType.FundingFee, -paid, "FUNDING_FEE", null);
            PublishFunding(state, -paid);
            CheckRisk(account, market);
        }
    }

    // §4.5: funding on a cross position reports the balance only; on an isolated one, also that position.
    private void PublishFunding(AccountSymbol state, decimal change)
    {
        var account = state.Account;
        var portfolio = account.Portfolio;
        var positions = new List<PositionUpdate>();
        if (portfolio.MarginTypeOf(state.Market.Symbol) == MarginType.Isolated)
        {
            for (var slot = 0; slot < 3; slot++)
            {
                if (PositionRow(state, AccountSymbol.SideOfSlot(slot)) is { Quantity: not 0m } row)
                {
                    positions.Add(row);
                }
            }
        }

        var balance = new BalanceUpdate(MarginAsset, portfolio.WalletBalance, portfolio.CrossWalletBalance, change);
        Publish(new AccountUpdated(account.Id, AccountUpdateReason.FundingFee, balance, positions, _now));
    }
}
