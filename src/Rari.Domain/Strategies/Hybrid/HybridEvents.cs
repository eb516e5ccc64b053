using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Hybrid;

/// <summary>A decision of the hybrid strategy, journaled under its id and folded by <see cref="HybridStrategy.Apply"/>.</summary>
/// <param name="StrategyId">The hybrid strategy.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the input that caused the decision, UTC epoch milliseconds.</param>
public abstract record HybridEvent(StrategyId StrategyId, Symbol Symbol, long TimestampMs) : IStrategyEvent;

/// <summary>
/// A child's own decision, journaled by the hybrid; <see cref="HybridStrategy.Apply"/> routes <see cref="Inner"/> to the
/// child named by its <see cref="IStrategyEvent.StrategyId"/>.
/// </summary>
/// <param name="StrategyId">The hybrid strategy.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the input, UTC epoch milliseconds.</param>
/// <param name="Inner">The child's event.</param>
public sealed record ChildDecided(StrategyId StrategyId, Symbol Symbol, long TimestampMs, IStrategyEvent Inner)
    : HybridEvent(StrategyId, Symbol, TimestampMs);

/// <summary>
/// The detected regime changed. When it calls for the other child, the switch begins: the outgoing child's open orders
/// are cancelled and no child trades until <see cref="SwitchCompleted"/>.
/// </summary>
/// <param name="StrategyId">The hybrid strategy.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the bar, UTC epoch milliseconds.</param>
/// <param name="From">The previous regime.</param>
/// <param name="To">The new regime.</param>
/// <param name="Reason">The detector's numbers, for the audit log.</param>
/// <param name="Outgoing">The child trading until now.</param>
/// <param name="Incoming">The child that trades next (the same as <paramref name="Outgoing"/> when only the regime changed).</param>
/// <param name="DeadlineMs">When the switch proceeds even without every cancel confirmed, UTC epoch milliseconds.</param>
public sealed record RegimeSwitched(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    MarketRegime From,
    MarketRegime To,
    string Reason,
    HybridLeg Outgoing,
    HybridLeg Incoming,
    long DeadlineMs) : HybridEvent(StrategyId, Symbol, TimestampMs);

/// <summary>The switch is done: the outgoing child's orders have ended and its position is closed or handed over; the incoming child trades from the next input.</summary>
/// <param name="StrategyId">The hybrid strategy.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the input, UTC epoch milliseconds.</param>
/// <param name="Active">The child that trades now.</param>
/// <param name="TimedOut">True when the cancel timeout passed before every cancel was confirmed.</param>
public sealed record SwitchCompleted(StrategyId StrategyId, Symbol Symbol, long TimestampMs, HybridLeg Active, bool TimedOut)
    : HybridEvent(StrategyId, Symbol, TimestampMs);

/// <summary>The hybrid sent a reduce-only MARKET order to close the position the outgoing child left.</summary>
/// <param name="StrategyId">The hybrid strategy.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the input, UTC epoch milliseconds.</param>
/// <param name="Order">The MARKET order.</param>
/// <param name="Reason">Why, for the audit log.</param>
public sealed record ExposureCloseOrdered(StrategyId StrategyId, Symbol Symbol, long TimestampMs, OrderIntent Order, string Reason)
    : HybridEvent(StrategyId, Symbol, TimestampMs);

/// <summary>The hybrid's close order executed some quantity.</summary>
/// <param name="StrategyId">The hybrid strategy.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the fill report, UTC epoch milliseconds.</param>
/// <param name="ClientOrderId">The close order.</param>
/// <param name="TradeId">The venue's id of the execution.</param>
/// <param name="Price">Execution price.</param>
/// <param name="Quantity">Executed quantity, base units.</param>
/// <param name="Fee">Commission, USDT.</param>
public sealed record ExposureCloseFilled(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    ClientOrderId ClientOrderId,
    TradeId TradeId,
    decimal Price,
    decimal Quantity,
    decimal Fee) : HybridEvent(StrategyId, Symbol, TimestampMs);

/// <summary>The hybrid's close order ended without filling completely (cancelled, expired, rejected, denied).</summary>
/// <param name="StrategyId">The hybrid strategy.</param>
/// <param name="Symbol">The symbol it trades.</param>
/// <param name="TimestampMs">Market time of the report, UTC epoch milliseconds.</param>
/// <param name="ClientOrderId">The close order.</param>
/// <param name="Kind">How it ended.</param>
public sealed record ExposureCloseEnded(StrategyId StrategyId, Symbol Symbol, long TimestampMs, ClientOrderId ClientOrderId, OrderEventKind Kind)
    : HybridEvent(StrategyId, Symbol, TimestampMs);
