using Rari.Aster.Models;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Aster.Streams;

/// <summary>
/// Everything an <see cref="AsterUserStream"/> delivers: the venue's user-data events (fact sheet §4.5) and what
/// happens to the connection. Venue events carry the venue's event time <c>E</c>; connection events local time.
/// </summary>
/// <param name="EventTimeMs">Event time, UTC epoch ms.</param>
public abstract record AsterUserStreamEvent(long EventTimeMs);

/// <summary><c>ORDER_TRADE_UPDATE</c>: an order was created or changed; map it with <see cref="AsterOrderUpdateMapping"/>.</summary>
/// <param name="EventTimeMs"><c>E</c>.</param>
/// <param name="TransactionTimeMs"><c>T</c>.</param>
/// <param name="Order"><c>o</c>.</param>
public sealed record AsterOrderTradeUpdate(long EventTimeMs, long TransactionTimeMs, AsterOrderUpdate Order) : AsterUserStreamEvent(EventTimeMs);

/// <summary>
/// <c>ACCOUNT_UPDATE</c>: balances or positions changed. Sent only on a real change; placing or cancelling an unfilled
/// order sends none. <see cref="Positions"/> lists only positions with an amount or an isolated wallet.
/// </summary>
/// <param name="EventTimeMs"><c>E</c>.</param>
/// <param name="TransactionTimeMs"><c>T</c>.</param>
/// <param name="Reason"><c>a.m</c>.</param>
/// <param name="Balances"><c>a.B</c>.</param>
/// <param name="Positions"><c>a.P</c>.</param>
public sealed record AsterAccountUpdate(
    long EventTimeMs,
    long TransactionTimeMs,
    WireValue<AsterAccountUpdateReason> Reason,
    IReadOnlyList<AsterBalanceUpdate> Balances,
    IReadOnlyList<AsterPositionUpdate> Positions) : AsterUserStreamEvent(EventTimeMs);

/// <summary>A balance row of an <c>ACCOUNT_UPDATE</c>.</summary>
/// <param name="Asset"><c>a</c>.</param>
/// <param name="WalletBalance"><c>wb</c>.</param>
/// <param name="CrossWalletBalance"><c>cw</c>.</param>
/// <param name="BalanceChange"><c>bc</c>: the change other than PnL and commission (a transfer, say).</param>
public sealed record AsterBalanceUpdate(string Asset, decimal WalletBalance, decimal CrossWalletBalance, decimal BalanceChange);

/// <summary>A position row of an <c>ACCOUNT_UPDATE</c>.</summary>
/// <param name="Symbol"><c>s</c>.</param>
/// <param name="PositionAmount"><c>pa</c>: signed, negative is short.</param>
/// <param name="EntryPrice"><c>ep</c>.</param>
/// <param name="AccumulatedRealized"><c>cr</c>: realized PnL before fees, accumulated.</param>
/// <param name="UnrealizedPnl"><c>up</c>.</param>
/// <param name="MarginType"><c>mt</c>: <c>isolated</c> or <c>cross</c>.</param>
/// <param name="IsolatedWallet"><c>iw</c>.</param>
/// <param name="PositionSide"><c>ps</c>.</param>
public sealed record AsterPositionUpdate(
    Symbol Symbol,
    decimal PositionAmount,
    decimal EntryPrice,
    decimal AccumulatedRealized,
    decimal UnrealizedPnl,
    WireValue<AsterMarginType> MarginType,
    decimal IsolatedWallet,
    WireValue<PositionSide> PositionSide);

/// <summary><c>MARGIN_CALL</c>: positions near liquidation. Advisory: the position may already be liquidated.</summary>
/// <param name="EventTimeMs"><c>E</c>.</param>
/// <param name="CrossWalletBalance"><c>cw</c>: cross positions only.</param>
/// <param name="Positions"><c>p</c>.</param>
public sealed record AsterMarginCall(long EventTimeMs, decimal CrossWalletBalance, IReadOnlyList<AsterMarginCallPosition> Positions) : AsterUserStreamEvent(EventTimeMs);

/// <summary>A position row of a <c>MARGIN_CALL</c>.</summary>
/// <param name="Symbol"><c>s</c>.</param>
/// <param name="PositionSide"><c>ps</c>.</param>
/// <param name="PositionAmount"><c>pa</c>.</param>
/// <param name="MarginType"><c>mt</c>: CROSSED or ISOLATED.</param>
/// <param name="IsolatedWallet"><c>iw</c>.</param>
/// <param name="MarkPrice"><c>mp</c>.</param>
/// <param name="UnrealizedPnl"><c>up</c>.</param>
/// <param name="MaintenanceMargin"><c>mm</c>: the maintenance margin required.</param>
public sealed record AsterMarginCallPosition(
    Symbol Symbol,
    WireValue<PositionSide> PositionSide,
    decimal PositionAmount,
    WireValue<AsterMarginType> MarginType,
    decimal IsolatedWallet,
    decimal MarkPrice,
    decimal UnrealizedPnl,
    decimal MaintenanceMargin);

/// <summary>
/// <c>ACCOUNT_CONFIG_UPDATE</c>: a symbol's leverage changed (<see cref="Symbol"/> and <see cref="Leverage"/>, from
/// <c>ac</c>) or the account's settings changed (<see cref="MultiAssetsMode"/>, <see cref="FeeDeduction"/>,
/// <see cref="HedgeMode"/>, from <c>ai</c>).
/// </summary>
/// <param name="EventTimeMs"><c>E</c>.</param>
/// <param name="TransactionTimeMs"><c>T</c>.</param>
public sealed record AsterAccountConfigUpdate(long EventTimeMs, long TransactionTimeMs) : AsterUserStreamEvent(EventTimeMs)
{
    /// <summary><c>ac.s</c>, or null when the event is about account settings.</summary>
    public Symbol? Symbol { get; init; }

    /// <summary><c>ac.l</c>.</summary>
    public int? Leverage { get; init; }

    /// <summary><c>ai.j</c>: multi-assets margin mode.</summary>
    public bool? MultiAssetsMode { get; init; }

    /// <summary><c>ai.f</c>: fees deducted in a chosen token.</summary>
    public bool? FeeDeduction { get; init; }

    /// <summary><c>ai.d</c>: hedge mode (dual-side positions).</summary>
    public bool? HedgeMode { get; init; }
}

/// <summary>
/// <c>listenKeyExpired</c>: the key behind the connection lapsed and no more events come on it. The stream creates a
/// new key and reconnects by itself; events in between must be reconciled through REST.
/// </summary>
/// <param name="EventTimeMs"><c>E</c>.</param>
public sealed record AsterListenKeyExpired(long EventTimeMs) : AsterUserStreamEvent(EventTimeMs);

/// <summary>The user stream is connected on a valid listenKey.</summary>
/// <param name="EventTimeMs">Local time, UTC epoch ms.</param>
/// <param name="Connection">The connection's number, 1 for the first.</param>
/// <param name="Reason">Why it was opened; after <see cref="StreamConnectReason.Reconnect"/> reconcile orders through REST.</param>
public sealed record UserStreamConnected(long EventTimeMs, int Connection, StreamConnectReason Reason) : AsterUserStreamEvent(EventTimeMs);

/// <summary>The user stream's connection was lost or dropped to change listenKey; events until the next connection are missed.</summary>
/// <param name="EventTimeMs">Local time, UTC epoch ms.</param>
/// <param name="Connection">The lost connection's number.</param>
/// <param name="Reason">What happened.</param>
/// <param name="RetryIn">The wait before the next attempt.</param>
public sealed record UserStreamDisconnected(long EventTimeMs, int Connection, string Reason, TimeSpan RetryIn) : AsterUserStreamEvent(EventTimeMs);
