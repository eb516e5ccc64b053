using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Domain.Strategies.Grid;

// The grid's journaled decisions. Each is folded into GridState by GridStrategy.Apply, live and on recovery; each
// carries everything the fold needs (prices and quantities already rounded), so folding needs no instrument.

/// <summary>The feasibility check passed and the grid was built; its entry orders follow as <see cref="GridOrderPlaced"/>.</summary>
/// <param name="StrategyId">The grid.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="TimestampMs">Market time of the bar that started it, UTC epoch milliseconds.</param>
/// <param name="Plan">The levels, spacing, range and rungs.</param>
/// <param name="Reason">Why now, e.g. "warm-up complete" or "cool-down over".</param>
public sealed record GridStarted(StrategyId StrategyId, Symbol Symbol, long TimestampMs, GridPlan Plan, string Reason) : IStrategyEvent;

/// <summary>The feasibility check refused to start (or to recentre) the grid. Journaled once per refusal reason, not every bar.</summary>
/// <param name="StrategyId">The grid.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="TimestampMs">Market time of the check, UTC epoch milliseconds.</param>
/// <param name="Refusal">Which rule refused and why.</param>
public sealed record GridRefused(StrategyId StrategyId, Symbol Symbol, long TimestampMs, GridRefusal Refusal) : IStrategyEvent;

/// <summary>The grid sent an order: a rung's entry or exit, or a closing order (<paramref name="CellId"/> 0).</summary>
/// <param name="StrategyId">The grid.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="TimestampMs">Market time of the decision, UTC epoch milliseconds.</param>
/// <param name="CellId">The rung the order belongs to; 0 for a closing order.</param>
/// <param name="Role">Entry, exit or close.</param>
/// <param name="ClientOrderId">The order's id, made from <paramref name="Sequence"/>.</param>
/// <param name="Sequence">The client-order sequence number used; the next one is this plus one.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Type">LIMIT or MARKET.</param>
/// <param name="Price">The normalized limit price; null for MARKET.</param>
/// <param name="Quantity">The normalized quantity.</param>
/// <param name="Reason">Why, for the audit log.</param>
public sealed record GridOrderPlaced(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    long CellId,
    GridOrderRole Role,
    ClientOrderId ClientOrderId,
    long Sequence,
    OrderSide Side,
    OrderType Type,
    decimal? Price,
    decimal Quantity,
    string Reason) : IStrategyEvent;

/// <summary>
/// An order the grid wanted could not be sent: the visible liquidity was too thin, or the order broke a symbol filter
/// after rounding. The rung (or the closing) backs off before it tries again.
/// </summary>
/// <param name="StrategyId">The grid.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="TimestampMs">Market time of the decision, UTC epoch milliseconds.</param>
/// <param name="CellId">The rung; 0 for a closing order.</param>
/// <param name="Role">Entry, exit or close.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Price">The intended price; null for MARKET.</param>
/// <param name="Quantity">The intended quantity.</param>
/// <param name="Reason">What was wrong, with the numbers.</param>
/// <param name="RetryAtMs">No new attempt before this market time, UTC epoch milliseconds.</param>
public sealed record GridOrderSkipped(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    long CellId,
    GridOrderRole Role,
    OrderSide Side,
    decimal? Price,
    decimal Quantity,
    string Reason,
    long RetryAtMs) : IStrategyEvent;

/// <summary>One of the grid's orders executed (part of) its quantity; the grid's books move with it.</summary>
/// <param name="StrategyId">The grid.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="TimestampMs">Market time the grid learned of it, UTC epoch milliseconds.</param>
/// <param name="ClientOrderId">The order.</param>
/// <param name="TradeId">The venue's trade id (a repeat is ignored).</param>
/// <param name="Side">The fill's side.</param>
/// <param name="Price">Execution price.</param>
/// <param name="Quantity">Executed quantity, positive.</param>
/// <param name="Fee">Commission in USDT (negative for a rebate).</param>
public sealed record GridOrderFilled(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    ClientOrderId ClientOrderId,
    TradeId TradeId,
    OrderSide Side,
    decimal Price,
    decimal Quantity,
    decimal Fee) : IStrategyEvent;

/// <summary>
/// One of the grid's orders ended without filling completely: cancelled, expired, rejected by the venue or denied by
/// the risk gate. Its rung is free again; unless the grid itself asked for the cancel, it backs off first.
/// </summary>
/// <param name="StrategyId">The grid.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="TimestampMs">Market time the grid learned of it, UTC epoch milliseconds.</param>
/// <param name="ClientOrderId">The order.</param>
/// <param name="How">Canceled, Expired, Rejected or Denied.</param>
/// <param name="Requested">True when the grid had asked for the cancel.</param>
/// <param name="Reason">The venue's or the gate's words.</param>
/// <param name="RetryAtMs">For an unrequested end: no new order for the rung before this market time; otherwise 0.</param>
public sealed record GridOrderEnded(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    ClientOrderId ClientOrderId,
    OrderEventKind How,
    bool Requested,
    string Reason,
    long RetryAtMs) : IStrategyEvent;

/// <summary>The symbol went to Reducing: the grid asked to cancel its working entry orders (exits stay).</summary>
/// <param name="StrategyId">The grid.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="TimestampMs">Market time of the decision, UTC epoch milliseconds.</param>
/// <param name="Orders">The entry orders to cancel.</param>
/// <param name="Reason">Why.</param>
public sealed record GridEntriesWithdrawn(StrategyId StrategyId, Symbol Symbol, long TimestampMs, ValueList<ClientOrderId> Orders, string Reason) : IStrategyEvent;

/// <summary>
/// The price left the range and the grid moved one level toward it: the farthest rung (which held nothing) was retired
/// and its entry cancelled, and a rung was added at the near end.
/// </summary>
/// <param name="StrategyId">The grid.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="TimestampMs">Market time of the bar, UTC epoch milliseconds.</param>
/// <param name="Direction">Up or down.</param>
/// <param name="Layout">The moved window.</param>
/// <param name="Levels">The window's level prices after the move.</param>
/// <param name="RetiredCellId">The rung that left.</param>
/// <param name="AddedCell">The rung that joined.</param>
public sealed record GridTrailed(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    GridTrailDirection Direction,
    GridLayout Layout,
    ValueList<decimal> Levels,
    long RetiredCellId,
    GridCellPlan AddedCell) : IStrategyEvent;

/// <summary>
/// The price stayed outside the range long enough and the grid was rebuilt around it. Rungs of the plan that already
/// existed (same id) survive with their orders; other active rungs retire (their entries are cancelled, their exits
/// stay until the inventory is gone).
/// </summary>
/// <param name="StrategyId">The grid.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="TimestampMs">Market time of the bar, UTC epoch milliseconds.</param>
/// <param name="Plan">The new window and rungs.</param>
/// <param name="Reason">Why, with the numbers.</param>
public sealed record GridRecentred(StrategyId StrategyId, Symbol Symbol, long TimestampMs, GridPlan Plan, string Reason) : IStrategyEvent;

/// <summary>
/// A grid-wide stop fired: every order of the grid is cancelled and its inventory is closed with reduce-only MARKET
/// orders (which follow as <see cref="GridOrderPlaced"/>).
/// </summary>
/// <param name="StrategyId">The grid.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="TimestampMs">Market time of the bar, UTC epoch milliseconds.</param>
/// <param name="Kind">Stop-loss or take-profit.</param>
/// <param name="Reason">What fired, with the numbers.</param>
/// <param name="Inventory">The grid's signed inventory when it stopped.</param>
/// <param name="RestartAtMs">When a new grid may start, UTC epoch milliseconds; 0 if never.</param>
public sealed record GridStopped(
    StrategyId StrategyId,
    Symbol Symbol,
    long TimestampMs,
    GridStopKind Kind,
    string Reason,
    decimal Inventory,
    long RestartAtMs) : IStrategyEvent;

/// <summary>
/// The hybrid strategy took the grid's inventory and orders away (it closes the position itself or hands it to another
/// strategy): the grid forgets its rungs, orders and inventory, keeps its realized PnL, fees and round trips, and waits
/// in <see cref="GridPhase.Standby"/> to rebuild (a cooling-down or stopped grid stays so).
/// </summary>
/// <remarks>
/// Carries no quantities on purpose: the hybrid creates it in the same decision as the grid's last order events, before
/// they are folded, so whatever the grid held at that moment is what is released.
/// </remarks>
/// <param name="StrategyId">The grid.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="TimestampMs">Market time of the release, UTC epoch milliseconds.</param>
/// <param name="Reason">Why, for the audit log.</param>
public sealed record GridInventoryReleased(StrategyId StrategyId, Symbol Symbol, long TimestampMs, string Reason) : IStrategyEvent;

/// <summary>
/// The hybrid strategy handed a flat grid an existing net position. The grid holds it as inventory and, on its next
/// bar, gives it take-profit rungs on the lattice (<see cref="GridInventoryAssigned"/>); a grid stopped for good closes
/// it at market instead.
/// </summary>
/// <param name="StrategyId">The grid.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="TimestampMs">Market time of the hand-over, UTC epoch milliseconds.</param>
/// <param name="Quantity">The position, base units: positive long, negative short, never 0.</param>
/// <param name="EntryPrice">Its average entry price, positive.</param>
public sealed record GridInventoryInherited(StrategyId StrategyId, Symbol Symbol, long TimestampMs, decimal Quantity, decimal EntryPrice) : IStrategyEvent;

/// <summary>
/// The inherited inventory was split over retired rungs on the lattice, each holding its share at the inherited entry
/// price and taking profit at a level beyond both the entry (by a fee-paying step) and the price. Their reduce-only
/// exits follow as <see cref="GridOrderPlaced"/>; each rung disappears once its exit has filled.
/// </summary>
/// <param name="StrategyId">The grid.</param>
/// <param name="Symbol">Its symbol.</param>
/// <param name="TimestampMs">Market time of the bar, UTC epoch milliseconds.</param>
/// <param name="Rungs">The rungs and what each holds; together exactly the inherited quantity and cost.</param>
/// <param name="Reason">The split, with the numbers.</param>
public sealed record GridInventoryAssigned(StrategyId StrategyId, Symbol Symbol, long TimestampMs, ValueList<GridRungHolding> Rungs, string Reason)
    : IStrategyEvent;
