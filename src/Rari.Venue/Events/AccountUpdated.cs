using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;

namespace Rari.Venue.Events;

/// <summary>Why the balance or positions changed (Aster's <c>ACCOUNT_UPDATE.a.m</c>).</summary>
/// <remarks>Journaled by the backtester: the numeric values are never renumbered.</remarks>
public enum AccountUpdateReason : byte
{
    /// <summary>A transfer into the account (<c>DEPOSIT</c>).</summary>
    Deposit = 1,

    /// <summary>A transfer out of the account (<c>WITHDRAW</c>).</summary>
    Withdraw = 2,

    /// <summary>A fill, liquidation fills included (<c>ORDER</c>).</summary>
    Order = 3,

    /// <summary>A funding settlement (<c>FUNDING_FEE</c>).</summary>
    FundingFee = 4,

    /// <summary>Margin moved into or out of an isolated position (<c>MARGIN_TRANSFER</c>).</summary>
    MarginTransfer = 5,
}

/// <summary>
/// The account's balance or positions changed (Aster's <c>ACCOUNT_UPDATE</c>): after every fill, funding payment,
/// transfer and isolated-margin move. Placing or cancelling an unfilled order produces none.
/// </summary>
/// <param name="Account">The account.</param>
/// <param name="Reason">Why (<c>a.m</c>).</param>
/// <param name="Balance">The USDT balance after the change (<c>a.B</c>).</param>
/// <param name="Positions">
/// The positions the change touched (<c>a.P</c>), with their state after it. A fill lists its position even when it
/// closed it (quantity 0), so a consumer sees it go flat; a funding payment on a cross position lists none, on an
/// isolated one that position, as Aster does; a transfer lists none.
/// </param>
/// <param name="TimeMs">Venue time, UTC epoch milliseconds.</param>
public sealed record AccountUpdated(
    AccountId Account,
    AccountUpdateReason Reason,
    BalanceUpdate Balance,
    IReadOnlyList<PositionUpdate> Positions,
    long TimeMs) : IVenueEvent;

/// <summary>One asset's balance in an <see cref="AccountUpdated"/> (<c>a.B[]</c>).</summary>
/// <param name="Asset">The asset, USDT.</param>
/// <param name="WalletBalance">Wallet balance after the change (<c>wb</c>), isolated wallets included.</param>
/// <param name="CrossWalletBalance">Cross wallet balance after the change (<c>cw</c>).</param>
/// <param name="BalanceChange">The change other than realized PnL and commission (<c>bc</c>): funding, transfers.</param>
public sealed record BalanceUpdate(string Asset, decimal WalletBalance, decimal CrossWalletBalance, decimal BalanceChange);

/// <summary>One position in an <see cref="AccountUpdated"/> (<c>a.P[]</c>).</summary>
/// <param name="Symbol">The symbol (<c>s</c>).</param>
/// <param name="Side">BOTH, LONG or SHORT (<c>ps</c>).</param>
/// <param name="Quantity">Signed position amount (<c>pa</c>).</param>
/// <param name="EntryPrice">Average entry price (<c>ep</c>).</param>
/// <param name="AccumulatedRealized">Realized PnL accumulated by the position, before fees (<c>cr</c>).</param>
/// <param name="UnrealizedPnl">Unrealized PnL at the mark (<c>up</c>).</param>
/// <param name="MarginType">Cross or isolated (<c>mt</c>).</param>
/// <param name="IsolatedWallet">The isolated wallet (<c>iw</c>); 0 when cross.</param>
public sealed record PositionUpdate(
    Symbol Symbol,
    PositionSide Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal AccumulatedRealized,
    decimal UnrealizedPnl,
    MarginType MarginType,
    decimal IsolatedWallet);
