using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Venue.Accounts;
using Rari.Venue.Commands;
using Rari.Venue.Matching;

namespace Rari.Venue;

// Account queries: balance, summary, position risk, trades, income, commission rates, position mode.
public sealed partial class SimulatedVenue
{
    /// <summary>The USDT balance (<c>GET /fapi/v2/balance</c>), valued at the current marks.</summary>
    public VenueResult<AccountBalance> GetBalance(AccountId account)
    {
        if (!_accountsById.TryGetValue(account, out var venueAccount))
        {
            return VenueResult.Failure<AccountBalance>(VenueErrors.BadAccount);
        }

        SyncMarks(venueAccount);
        var portfolio = venueAccount.Portfolio;
        var available = portfolio.AvailableBalance;
        return VenueResult.Success(new AccountBalance(
            MarginAsset, portfolio.WalletBalance, portfolio.CrossWalletBalance, portfolio.CrossUnrealizedPnl, available, available, _now));
    }

    /// <summary>
    /// What an account's equity and available balance follow from as the marks move, without building the summary: the
    /// wallet balance, the open-order initial margin, and the size and unrealized PnL of every position row, the same
    /// figures, rows and order as <see cref="GetAccountSummary"/> (marks synced first, as there). Allocation-free once
    /// <paramref name="positions"/> has room: it is cleared and filled.
    /// </summary>
    /// <returns>False when the account is not open.</returns>
    public bool TryGetBalanceBasis(AccountId account, List<PositionAmount> positions, out decimal walletBalance, out decimal openOrderInitialMargin)
    {
        ArgumentNullException.ThrowIfNull(positions);
        positions.Clear();
        walletBalance = 0m;
        openOrderInitialMargin = 0m;
        if (!_accountsById.TryGetValue(account, out var venueAccount))
        {
            return false;
        }

        SyncMarks(venueAccount);
        var portfolio = venueAccount.Portfolio;
        foreach (var market in _markets)
        {
            foreach (var side in SidesOf(portfolio.PositionMode))
            {
                var position = portfolio.GetPositionMargin(market.Symbol, side);
                positions.Add(new PositionAmount(market.Symbol, side, position?.Quantity ?? 0m, position?.UnrealizedPnl ?? 0m));
            }
        }

        walletBalance = portfolio.WalletBalance;
        openOrderInitialMargin = portfolio.OpenOrderInitialMargin;
        return true;
    }

    /// <summary>The account summary (<c>GET /fapi/v4/account</c>): totals and a row per listed symbol and position side.</summary>
    public VenueResult<AccountSummary> GetAccountSummary(AccountId account)
    {
        if (!_accountsById.TryGetValue(account, out var venueAccount))
        {
            return VenueResult.Failure<AccountSummary>(VenueErrors.BadAccount);
        }

        SyncMarks(venueAccount);
        var portfolio = venueAccount.Portfolio;
        var rows = new List<AccountPositionRow>();
        foreach (var market in _markets)
        {
            foreach (var side in SidesOf(portfolio.PositionMode))
            {
                rows.Add(SummaryRow(venueAccount, market, side));
            }
        }

        var available = portfolio.AvailableBalance;
        var unrealized = portfolio.UnrealizedPnl();
        return VenueResult.Success(new AccountSummary(
            portfolio.MarginUsed,
            portfolio.MaintenanceMargin,
            portfolio.WalletBalance,
            unrealized,
            portfolio.WalletBalance + unrealized,
            portfolio.PositionInitialMargin,
            portfolio.OpenOrderInitialMargin,
            portfolio.CrossWalletBalance,
            portfolio.CrossUnrealizedPnl,
            available,
            available,
            _now,
            rows));
    }

    /// <summary>
    /// Position risk rows (<c>GET /fapi/v2/positionRisk</c>) for one symbol or all: a BOTH row per symbol in one-way
    /// mode, LONG and SHORT rows in hedge mode, with the estimated liquidation price.
    /// </summary>
    public VenueResult<IReadOnlyList<PositionRisk>> GetPositionRisk(AccountId account, Symbol? symbol = null)
    {
        if (!_accountsById.TryGetValue(account, out var venueAccount))
        {
            return VenueResult.Failure<IReadOnlyList<PositionRisk>>(VenueErrors.BadAccount);
        }

        SymbolMarket? only = null;
        if (symbol is { } wanted && (only = FindMarket(wanted)) is null)
        {
            return VenueResult.Failure<IReadOnlyList<PositionRisk>>(VenueErrors.BadSymbol);
        }

        SyncMarks(venueAccount);
        var rows = new List<PositionRisk>();
        foreach (var market in _markets)
        {
            if (only is not null && market != only)
            {
                continue;
            }

            foreach (var side in SidesOf(venueAccount.Portfolio.PositionMode))
            {
                rows.Add(RiskRow(venueAccount, market, side));
            }
        }

        return VenueResult.Success<IReadOnlyList<PositionRisk>>(rows);
    }

    /// <summary>
    /// The account's fills on a symbol, oldest first (<c>GET /fapi/v1/userTrades</c>): from trade <paramref name="fromId"/>
    /// on and within the time range when given; the first <paramref name="limit"/> when a start is given, otherwise the latest.
    /// </summary>
    public VenueResult<IReadOnlyList<UserTrade>> GetUserTrades(
        AccountId account, Symbol symbol, long? startTimeMs = null, long? endTimeMs = null, long? fromId = null, int limit = 500)
    {
        if (Resolve(account, symbol, out var state) is { } error)
        {
            return VenueResult.Failure<IReadOnlyList<UserTrade>>(error);
        }

        if (limit < 1)
        {
            return VenueResult.Failure<IReadOnlyList<UserTrade>>(VenueErrors.InvalidParameter("limit"));
        }

        var matching = new List<UserTrade>();
        foreach (var trade in state!.Account.Trades)
        {
            if (trade.Symbol == symbol && (fromId is null || trade.Id.Value >= fromId) &&
                (startTimeMs is null || trade.TimeMs >= startTimeMs) && (endTimeMs is null || trade.TimeMs <= endTimeMs))
            {
                matching.Add(trade);
            }
        }

        var (start, count) = Window(matching.Count, limit, fromStart: fromId is not null || startTimeMs is not null);
        return VenueResult.Success<IReadOnlyList<UserTrade>>(matching.GetRange(start, count));
    }

    /// <summary>
    /// The income history, oldest first (<c>GET /fapi/v1/income</c>): REALIZED_PNL and COMMISSION per fill,
    /// INSURANCE_CLEAR per liquidation fill, FUNDING_FEE per settlement, TRANSFER per transfer; filtered by symbol,
    /// type and time; the first <paramref name="limit"/> when a start is given, otherwise the latest.
    /// </summary>
    public VenueResult<IReadOnlyList<IncomeRecord>> GetIncome(
        AccountId account, Symbol? symbol = null, IncomeType? type = null, long? startTimeMs = null, long? endTimeMs = null, int limit = 100)
    {
        if (!_accountsById.TryGetValue(account, out var venueAccount))
        {
            return VenueResult.Failure<IReadOnlyList<IncomeRecord>>(VenueErrors.BadAccount);
        }

        if (limit < 1)
        {
            return VenueResult.Failure<IReadOnlyList<IncomeRecord>>(VenueErrors.InvalidParameter("limit"));
        }

        var matching = new List<IncomeRecord>();
        foreach (var record in venueAccount.Income)
        {
            if ((symbol is null || record.Symbol == symbol) && (type is null || record.Type == type) &&
                (startTimeMs is null || record.TimeMs >= startTimeMs) && (endTimeMs is null || record.TimeMs <= endTimeMs))
            {
                matching.Add(record);
            }
        }

        var (start, count) = Window(matching.Count, limit, fromStart: startTimeMs is not null);
        return VenueResult.Success<IReadOnlyList<IncomeRecord>>(matching.GetRange(start, count));
    }

    /// <summary>The account's maker and taker rates on a symbol (<c>GET /fapi/v1/commissionRate</c>).</summary>
    public VenueResult<CommissionRates> GetCommissionRates(AccountId account, Symbol symbol)
    {
        if (Resolve(account, symbol, out var state) is { } error)
        {
            return VenueResult.Failure<CommissionRates>(error);
        }

        return VenueResult.Success(new CommissionRates(symbol, state!.Account.MakerRate, state.Account.TakerRate));
    }

    /// <summary>The account's position mode (<c>GET /fapi/v1/positionSide/dual</c>).</summary>
    public VenueResult<PositionMode> GetPositionMode(AccountId account) =>
        _accountsById.TryGetValue(account, out var venueAccount)
            ? VenueResult.Success(venueAccount.Portfolio.PositionMode)
            : VenueResult.Failure<PositionMode>(VenueErrors.BadAccount);

    private static PositionSide[] SidesOf(PositionMode mode) =>
        mode == PositionMode.OneWay ? [PositionSide.Both] : [PositionSide.Long, PositionSide.Short];

    private static AccountPositionRow SummaryRow(VenueAccount account, SymbolMarket market, PositionSide side)
    {
        var portfolio = account.Portfolio;
        var symbol = market.Symbol;
        var leverage = portfolio.LeverageOf(symbol);
        var state = account.Find(market);
        var openOrderMargin = side == PositionSide.Both
            ? portfolio.OpenOrderInitialMarginOf(symbol)
            : (state?.Exposure.HedgeLegNotional(side) ?? 0m) / leverage;
        var position = portfolio.GetPositionMargin(symbol, side);
        var positionMargin = position?.InitialMargin ?? 0m;
        return new AccountPositionRow(
            symbol,
            side,
            positionMargin + openOrderMargin,
            position?.MaintenanceMargin ?? 0m,
            position?.UnrealizedPnl ?? 0m,
            positionMargin,
            openOrderMargin,
            leverage,
            portfolio.MarginTypeOf(symbol) == MarginType.Isolated,
            position?.EntryPrice ?? 0m,
            market.Instrument.MaxNotionalAt(leverage),
            position?.Quantity ?? 0m,
            state?.PositionUpdateMs ?? 0L);
    }

    private static PositionRisk RiskRow(VenueAccount account, SymbolMarket market, PositionSide side)
    {
        var portfolio = account.Portfolio;
        var symbol = market.Symbol;
        var leverage = portfolio.LeverageOf(symbol);
        var marginType = portfolio.MarginTypeOf(symbol);
        var position = portfolio.GetPositionMargin(symbol, side);
        var quantity = position?.Quantity ?? 0m;
        var mark = market.HasMark ? market.Mark : 0m;
        var isolatedWallet = position?.IsolatedWallet ?? 0m;
        return new PositionRisk(
            symbol,
            side,
            quantity,
            position?.EntryPrice ?? 0m,
            mark,
            position?.UnrealizedPnl ?? 0m,
            quantity == 0m ? 0m : portfolio.EstimateLiquidationPrice(symbol, side) ?? 0m,
            leverage,
            market.Instrument.MaxNotionalAt(leverage),
            marginType,
            marginType == MarginType.Isolated ? isolatedWallet + (position?.UnrealizedPnl ?? 0m) : 0m,
            isolatedWallet,
            quantity * mark,
            account.Find(market)?.PositionUpdateMs ?? 0L);
    }
}
