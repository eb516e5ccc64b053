using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Venue.Accounts;
using Rari.Venue.Commands;
using Rari.Venue.Events;

namespace Rari.Venue;

// Account settings and transfers: leverage, margin type, position mode, isolated margin, deposits and withdrawals.
public sealed partial class SimulatedVenue
{
    /// <summary>
    /// Sets the symbol's leverage (<c>POST /fapi/v1/leverage</c>): 1 … the bracket table's maximum (−4028); not lower
    /// while an isolated position is open (−4161); not below what the open position's notional needs (−2027).
    /// </summary>
    public VenueResult<LeverageChanged> ChangeLeverage(AccountId account, Symbol symbol, int leverage)
    {
        if (Resolve(account, symbol, out var state) is { } error)
        {
            return VenueResult.Failure<LeverageChanged>(error);
        }

        var market = state!.Market;
        if (leverage < 1 || leverage > market.MaxLeverage)
        {
            return VenueResult.Failure<LeverageChanged>(VenueErrors.InvalidLeverage(leverage));
        }

        var portfolio = state.Account.Portfolio;
        SyncMarks(state.Account);
        if (state.IsExposed && portfolio.MarginTypeOf(symbol) == MarginType.Isolated && leverage < portfolio.LeverageOf(symbol))
        {
            return VenueResult.Failure<LeverageChanged>(VenueErrors.IsolatedLeverageWithPosition);
        }

        var maxNotional = market.Instrument.MaxNotionalAt(leverage);
        if (OpenLegs(state, out _).Notional > maxNotional)
        {
            return VenueResult.Failure<LeverageChanged>(VenueErrors.MaxLeverageRatio);
        }

        portfolio.SetLeverage(symbol, leverage);
        return VenueResult.Success(new LeverageChanged(symbol, leverage, maxNotional));
    }

    /// <summary>
    /// Sets the symbol's margin type (<c>POST /fapi/v1/marginType</c>): −4046 when unchanged, −4047 with open orders on
    /// the symbol, −4048 with a position.
    /// </summary>
    public VenueResult<MarginType> ChangeMarginType(AccountId account, Symbol symbol, MarginType marginType)
    {
        if (Resolve(account, symbol, out var state) is { } error)
        {
            return VenueResult.Failure<MarginType>(error);
        }

        if (!Enum.IsDefined(marginType))
        {
            return VenueResult.Failure<MarginType>(VenueErrors.InvalidParameter("marginType"));
        }

        var portfolio = state!.Account.Portfolio;
        var refusal = portfolio.MarginTypeOf(symbol) == marginType ? VenueErrors.NoNeedToChangeMarginType
            : state.OpenOrders.Count > 0 ? VenueErrors.MarginTypeOpenOrders
            : state.IsExposed ? VenueErrors.MarginTypePosition
            : null;
        if (refusal is not null)
        {
            return VenueResult.Failure<MarginType>(refusal);
        }

        portfolio.SetMarginType(symbol, marginType);
        return VenueResult.Success(marginType);
    }

    /// <summary>
    /// Switches the account between one-way and hedge mode (<c>POST /fapi/v1/positionSide/dual</c>), for every symbol:
    /// −4059 when unchanged, −4067 with any open order, −4068 with any position.
    /// </summary>
    public VenueResult<PositionMode> ChangePositionMode(AccountId account, PositionMode positionMode)
    {
        if (!_accountsById.TryGetValue(account, out var venueAccount))
        {
            return VenueResult.Failure<PositionMode>(VenueErrors.BadAccount);
        }

        if (!Enum.IsDefined(positionMode))
        {
            return VenueResult.Failure<PositionMode>(VenueErrors.InvalidParameter("dualSidePosition"));
        }

        var exposed = false;
        foreach (var state in venueAccount.Symbols)
        {
            exposed |= state.IsExposed;
        }

        var refusal = venueAccount.Portfolio.PositionMode == positionMode ? VenueErrors.NoNeedToChangePositionSide
            : venueAccount.OpenOrderCount() > 0 ? VenueErrors.PositionSideOpenOrders
            : exposed ? VenueErrors.PositionSidePosition
            : null;
        if (refusal is not null)
        {
            return VenueResult.Failure<PositionMode>(refusal);
        }

        venueAccount.Portfolio.SetPositionMode(positionMode);
        return VenueResult.Success(positionMode);
    }

    /// <summary>
    /// Moves margin into or out of an open isolated position (<c>POST /fapi/v1/positionMargin</c>): −4055 for an amount
    /// that is not positive, −4061 for a position side that does not fit the mode, −4049 on a cross symbol, −4054 for a
    /// flat position, −4050 when adding more than the available balance, −4051 when removing would leave the position's
    /// margin balance below its initial margin.
    /// </summary>
    public VenueResult<IsolatedMarginChanged> ModifyIsolatedMargin(
        AccountId account, Symbol symbol, PositionSide? positionSide, decimal amount, IsolatedMarginDirection direction)
    {
        if (Resolve(account, symbol, out var state) is { } error)
        {
            return VenueResult.Failure<IsolatedMarginChanged>(error);
        }

        var portfolio = state!.Account.Portfolio;
        var side = positionSide ?? PositionSide.Both;
        if (amount <= 0m)
        {
            return VenueResult.Failure<IsolatedMarginChanged>(VenueErrors.AmountMustBePositive);
        }

        if (!Enum.IsDefined(direction))
        {
            return VenueResult.Failure<IsolatedMarginChanged>(VenueErrors.InvalidParameter("type"));
        }

        if (!Enum.IsDefined(side) || (side == PositionSide.Both) != (portfolio.PositionMode == PositionMode.OneWay))
        {
            return VenueResult.Failure<IsolatedMarginChanged>(VenueErrors.PositionSideNotMatch);
        }

        if (portfolio.MarginTypeOf(symbol) != MarginType.Isolated)
        {
            return VenueResult.Failure<IsolatedMarginChanged>(VenueErrors.AddIsolatedMarginRejected);
        }

        SyncMarks(state.Account);
        if (portfolio.GetPositionMargin(symbol, side) is not { IsOpen: true } position)
        {
            return VenueResult.Failure<IsolatedMarginChanged>(VenueErrors.NoPositionForMargin);
        }

        if (direction == IsolatedMarginDirection.Add && amount > portfolio.AvailableBalance)
        {
            return VenueResult.Failure<IsolatedMarginChanged>(VenueErrors.CrossBalanceInsufficient);
        }

        if (direction == IsolatedMarginDirection.Reduce &&
            (amount > position.IsolatedWallet || position.IsolatedWallet - amount + position.UnrealizedPnl < position.InitialMargin))
        {
            return VenueResult.Failure<IsolatedMarginChanged>(VenueErrors.IsolatedBalanceInsufficient);
        }

        portfolio.AdjustIsolatedMargin(symbol, side, direction == IsolatedMarginDirection.Add ? amount : -amount);
        PublishAccountUpdate(state.Account, AccountUpdateReason.MarginTransfer, 0m, state, side);
        CheckRisk(state.Account, state.Market);
        var wallet = portfolio.GetPositionMargin(symbol, side)!.Value.IsolatedWallet;
        return VenueResult.Success(new IsolatedMarginChanged(symbol, side, amount, direction, wallet));
    }

    /// <summary>
    /// Moves USDT into (positive <paramref name="amount"/>) or out of (negative) the account: −4055 for 0, −2018 for a
    /// withdrawal above the available balance. Booked as TRANSFER income and reported by an ACCOUNT_UPDATE.
    /// </summary>
    public VenueResult<TransferCompleted> Transfer(AccountId account, decimal amount)
    {
        if (!_accountsById.TryGetValue(account, out var venueAccount))
        {
            return VenueResult.Failure<TransferCompleted>(VenueErrors.BadAccount);
        }

        if (amount == 0m)
        {
            return VenueResult.Failure<TransferCompleted>(VenueErrors.AmountMustBePositive);
        }

        var portfolio = venueAccount.Portfolio;
        SyncMarks(venueAccount);
        if (amount < 0m && -amount > portfolio.AvailableBalance)
        {
            return VenueResult.Failure<TransferCompleted>(VenueErrors.BalanceInsufficient);
        }

        if (amount > 0m)
        {
            portfolio.Deposit(amount);
        }
        else
        {
            portfolio.Withdraw(-amount);
        }

        var transactionId = RecordIncome(venueAccount, null, IncomeType.Transfer, amount, "TRANSFER", null)?.TransactionId ?? _nextTransactionId++;
        PublishAccountUpdate(venueAccount, amount > 0m ? AccountUpdateReason.Deposit : AccountUpdateReason.Withdraw, amount, null, PositionSide.Both);
        CheckRisk(venueAccount, null);
        return VenueResult.Success(new TransferCompleted(transactionId, amount, portfolio.WalletBalance));
    }

    private VenueError? Resolve(AccountId account, Symbol symbol, out AccountSymbol? state)
    {
        state = null;
        if (!_accountsById.TryGetValue(account, out var venueAccount))
        {
            return VenueErrors.BadAccount;
        }

        if (FindMarket(symbol) is not { } market)
        {
            return VenueErrors.BadSymbol;
        }

        state = venueAccount.For(market);
        return null;
    }
}
