using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Volatility;

/// <summary>
/// A decision of the volatility strategy, journaled and folded into <see cref="VolatilityState"/> by
/// <see cref="VolatilityState.Apply"/>. One family, one file; every event names the strategy, the symbol and the market
/// time of the input that caused it.
/// </summary>
/// <param name="StrategyId">The strategy that decided.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the input that caused the decision, UTC epoch milliseconds.</param>
public abstract record VolatilityEvent(StrategyId StrategyId, Symbol Symbol, long TimestampMs) : IStrategyEvent;

/// <summary>A signal fired and the entry order was sent; the round trip begins.</summary>
/// <param name="StrategyId">The strategy that decided.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the signal bar, UTC epoch milliseconds.</param>
/// <param name="Signal">Momentum or mean reversion.</param>
/// <param name="Direction">Long or short.</param>
/// <param name="Order">The entry order.</param>
/// <param name="ReferencePrice">The price the size was computed at (the close, or the limit price).</param>
/// <param name="StopDistance">The stop distance the size was computed with, in price units.</param>
public sealed record EntrySignalled(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    SignalKind Signal,
    PositionDirection Direction,
    OrderIntent Order,
    decimal ReferencePrice,
    decimal StopDistance) : VolatilityEvent(StrategyId, Symbol, TimestampMs);

/// <summary>A signal fired but no entry was made. Recorded once per reason until an entry is made, so the journal is not flooded.</summary>
/// <param name="StrategyId">The strategy that decided.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the signal bar, UTC epoch milliseconds.</param>
/// <param name="Signal">Momentum or mean reversion.</param>
/// <param name="Direction">Long or short.</param>
/// <param name="Reason">Why not.</param>
/// <param name="Detail">The numbers behind the reason, for the operator.</param>
public sealed record EntrySkipped(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    SignalKind Signal,
    PositionDirection Direction,
    EntrySkipReason Reason,
    string Detail) : VolatilityEvent(StrategyId, Symbol, TimestampMs);

/// <summary>One of the strategy's orders executed some quantity.</summary>
/// <param name="StrategyId">The strategy that owns the order.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the fill report, UTC epoch milliseconds.</param>
/// <param name="ClientOrderId">The order that filled.</param>
/// <param name="TradeId">The venue's id of the execution; a repeated id is ignored.</param>
/// <param name="Price">Execution price.</param>
/// <param name="Quantity">Executed quantity, base units.</param>
/// <param name="Fee">Commission, USDT (positive = paid).</param>
public sealed record FillRecorded(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    ClientOrderId ClientOrderId,
    TradeId TradeId,
    decimal Price,
    decimal Quantity,
    decimal Fee) : VolatilityEvent(StrategyId, Symbol, TimestampMs);

/// <summary>One of the strategy's orders can no longer trade: cancelled, expired, rejected or denied.</summary>
/// <param name="StrategyId">The strategy that owns the order.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the report, UTC epoch milliseconds.</param>
/// <param name="ClientOrderId">The order that ended.</param>
/// <param name="Kind">How it ended.</param>
public sealed record OrderEnded(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    ClientOrderId ClientOrderId,
    OrderEventKind Kind) : VolatilityEvent(StrategyId, Symbol, TimestampMs);

/// <summary>The strategy asked the venue to cancel one of its orders.</summary>
/// <param name="StrategyId">The strategy that owns the order.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the decision, UTC epoch milliseconds.</param>
/// <param name="ClientOrderId">The order to cancel.</param>
/// <param name="Reason">Why, for the audit log.</param>
public sealed record CancelRequested(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    ClientOrderId ClientOrderId,
    string Reason) : VolatilityEvent(StrategyId, Symbol, TimestampMs);

/// <summary>The entry is done (filled, or ended with a partial fill): the position exists with this size and price.</summary>
/// <param name="StrategyId">The strategy that decided.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the report that completed the entry, UTC epoch milliseconds.</param>
/// <param name="Direction">Long or short.</param>
/// <param name="Quantity">The filled quantity, base units.</param>
/// <param name="AveragePrice">Volume-weighted average entry price.</param>
public sealed record PositionOpened(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    PositionDirection Direction,
    decimal Quantity,
    decimal AveragePrice) : VolatilityEvent(StrategyId, Symbol, TimestampMs);

/// <summary>The reduce-only stop-loss and take-profit were sent to the venue, sized to the position.</summary>
/// <param name="StrategyId">The strategy that decided.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the decision, UTC epoch milliseconds.</param>
/// <param name="StopLoss">The STOP_MARKET order.</param>
/// <param name="TakeProfit">The TAKE_PROFIT_MARKET order.</param>
public sealed record ExitOrdersPlaced(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    OrderIntent StopLoss,
    OrderIntent TakeProfit) : VolatilityEvent(StrategyId, Symbol, TimestampMs);

/// <summary>The price moved in the position's favour, so a tighter stop replaces the old one (placed first, then the old one cancelled).</summary>
/// <param name="StrategyId">The strategy that decided.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the bar, UTC epoch milliseconds.</param>
/// <param name="StopLoss">The new STOP_MARKET order.</param>
/// <param name="Replaced">The stop it replaces, now being cancelled.</param>
/// <param name="TrailingExtreme">The best price (high for a long, low for a short) the new stop trails.</param>
public sealed record TrailingStopMoved(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    OrderIntent StopLoss,
    ClientOrderId Replaced,
    decimal TrailingExtreme) : VolatilityEvent(StrategyId, Symbol, TimestampMs);

/// <summary>The position is being closed now with a reduce-only MARKET order.</summary>
/// <param name="StrategyId">The strategy that decided.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the decision, UTC epoch milliseconds.</param>
/// <param name="Order">The MARKET order.</param>
/// <param name="Reason">Why the position is closed.</param>
public sealed record PositionCloseRequested(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    OrderIntent Order,
    ExitReason Reason) : VolatilityEvent(StrategyId, Symbol, TimestampMs);

/// <summary>The position is flat again; the round trip's result feeds the trade statistics.</summary>
/// <param name="StrategyId">The strategy that decided.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the fill that closed it, UTC epoch milliseconds.</param>
/// <param name="Reason">Which exit closed it.</param>
/// <param name="Direction">Long or short.</param>
/// <param name="Quantity">The quantity closed, base units.</param>
/// <param name="AverageEntryPrice">Volume-weighted average entry price.</param>
/// <param name="AverageExitPrice">Volume-weighted average exit price.</param>
/// <param name="Fees">Entry and exit commissions, USDT.</param>
/// <param name="RealizedPnl">Net PnL after fees, USDT.</param>
public sealed record PositionClosed(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    ExitReason Reason,
    PositionDirection Direction,
    decimal Quantity,
    decimal AverageEntryPrice,
    decimal AverageExitPrice,
    decimal Fees,
    decimal RealizedPnl) : VolatilityEvent(StrategyId, Symbol, TimestampMs);

/// <summary>
/// The hybrid strategy handed over a position opened by another strategy; from now on this strategy owns it and
/// protects it with its own exits.
/// </summary>
/// <param name="StrategyId">The strategy that takes the position.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the hand-over, UTC epoch milliseconds.</param>
/// <param name="Direction">Long or short.</param>
/// <param name="Quantity">The quantity taken over, base units.</param>
/// <param name="EntryPrice">The position's average entry price.</param>
/// <param name="StopDistance">The stop distance to protect it with, in price units.</param>
public sealed record PositionInherited(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    PositionDirection Direction,
    decimal Quantity,
    decimal EntryPrice,
    decimal StopDistance) : VolatilityEvent(StrategyId, Symbol, TimestampMs);

/// <summary>
/// The hybrid strategy took the position away (it closes it itself or hands it to the other strategy); the round trip is
/// forgotten without a result.
/// </summary>
/// <param name="StrategyId">The strategy that gives the position up.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the release, UTC epoch milliseconds.</param>
/// <param name="Reason">Why, for the audit log.</param>
public sealed record PositionReleased(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    string Reason) : VolatilityEvent(StrategyId, Symbol, TimestampMs);

/// <summary>
/// The venue reported that the position this strategy tracks does not exist (its reduce-only exit was refused with
/// <see cref="Orders.RejectionCodes.NothingToReduce"/> while the account showed nothing on that side): it was closed
/// outside the strategy (manually, by a liquidation, by another strategy) or never opened as recorded. The round trip is
/// forgotten without a result — its PnL is the account's, not the strategy's — and its remaining orders were cancelled
/// in the same decision.
/// </summary>
/// <param name="StrategyId">The strategy whose position vanished.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the refusal, UTC epoch milliseconds.</param>
/// <param name="Direction">The direction the strategy believed it held.</param>
/// <param name="Quantity">The quantity it believed it held, base units.</param>
/// <param name="RefusedOrder">The reduce-only exit the venue refused.</param>
/// <param name="AccountPosition">The account's signed net position on the symbol when the refusal arrived.</param>
public sealed record PositionVanished(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    PositionDirection Direction,
    decimal Quantity,
    ClientOrderId RefusedOrder,
    decimal AccountPosition) : VolatilityEvent(StrategyId, Symbol, TimestampMs);
