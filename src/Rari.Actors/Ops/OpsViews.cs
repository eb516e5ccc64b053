namespace Rari.Actors.Ops;

// The answers of the ops console (`rari ops`), as plain values (strings, numbers): they cross a process boundary as
// JSON and are printed as tables, so they carry no Akka or Domain types.

/// <summary>The cluster as the answering node sees it (<c>cluster show</c>).</summary>
/// <param name="Self">The answering node's address.</param>
/// <param name="Leader">The leader's address, or null while there is none.</param>
/// <param name="Members">Every member, oldest trader first.</param>
public sealed record ClusterView(string Self, string? Leader, IReadOnlyList<MemberView> Members);

/// <summary>One cluster member.</summary>
/// <param name="Address">Its address, e.g. <c>akka.tcp://rari@127.0.0.1:4053</c>.</param>
/// <param name="Status">Joining, Up, Leaving, Exiting, Down, Removed or WeaklyUp.</param>
/// <param name="Reachable">Whether the answering node reaches it.</param>
/// <param name="Roles">Its roles.</param>
/// <param name="HostsSingletons">Whether it is the oldest trader, where the risk gate and the exchange gateway run.</param>
/// <param name="IsSelf">Whether it is the answering node.</param>
public sealed record MemberView(string Address, string Status, bool Reachable, IReadOnlyList<string> Roles, bool HostsSingletons, bool IsSelf);

/// <summary>Where the symbols are (<c>shards show</c>).</summary>
/// <param name="Regions">One entry per trader node that answered (or did not).</param>
public sealed record ShardsView(IReadOnlyList<RegionView> Regions);

/// <summary>The symbols' shard region of one node.</summary>
/// <param name="Address">The node.</param>
/// <param name="Shards">Its shards with their symbols; empty when it did not answer.</param>
/// <param name="Problem">Why the node did not answer, or null.</param>
public sealed record RegionView(string Address, IReadOnlyList<ShardView> Shards, string? Problem);

/// <summary>One shard.</summary>
/// <param name="ShardId">The shard id.</param>
/// <param name="Symbols">The symbols (entity ids) it runs.</param>
public sealed record ShardView(string ShardId, IReadOnlyList<string> Symbols);

/// <summary>An actor and its children (<c>actor tree</c>).</summary>
/// <param name="Path">The actor's full path.</param>
/// <param name="Children">Its children, as deep as asked; null when the depth limit cut the walk here.</param>
public sealed record ActorNode(string Path, IReadOnlyList<ActorNode>? Children);

/// <summary>The trader at a glance (<c>trader status</c>).</summary>
/// <param name="Symbols">Every traded symbol's status.</param>
/// <param name="Gateway">The exchange gateway's state, or null when it did not answer.</param>
/// <param name="GlobalTradingState">The risk gate's global state, or null when it did not answer.</param>
/// <param name="Problems">Who did not answer, in plain words.</param>
public sealed record TraderView(IReadOnlyList<SymbolView> Symbols, GatewayView? Gateway, string? GlobalTradingState, IReadOnlyList<string> Problems);

/// <summary>One symbol's status.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Mode">grid, volatility or hybrid; empty when it did not answer.</param>
/// <param name="TradingState">Active, Reducing or Halted.</param>
/// <param name="Stale">Whether its market data is stale.</param>
/// <param name="Halted">Whether repeated failures halted it.</param>
/// <param name="OpenOrders">How many orders its strategy holds as open.</param>
/// <param name="Detail">Regime, last refusal, why halted, or why it did not answer.</param>
public sealed record SymbolView(string Symbol, string Mode, string TradingState, bool Stale, bool Halted, int OpenOrders, string Detail);

/// <summary>The exchange gateway's state.</summary>
/// <param name="Reconciled">False while it reconciles with the exchange.</param>
/// <param name="OpenOrders">Orders it holds as open at the venue.</param>
/// <param name="Submitted">Orders submitted since its start.</param>
/// <param name="Rejected">Orders the venue rejected since its start.</param>
/// <param name="Equity">The account's equity, USDT, when known.</param>
/// <param name="Positions">The account's positions.</param>
public sealed record GatewayView(bool Reconciled, int OpenOrders, long Submitted, long Rejected, decimal? Equity, IReadOnlyList<PositionView> Positions);

/// <summary>One position.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">BOTH, LONG or SHORT.</param>
/// <param name="Quantity">Signed size, base units.</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="UnrealizedPnl">Unrealized PnL at the mark, USDT.</param>
public sealed record PositionView(string Symbol, string Side, decimal Quantity, decimal EntryPrice, decimal UnrealizedPnl);

/// <summary>The risk gate (<c>risk show</c>).</summary>
/// <param name="GlobalTradingState">Active, Reducing or Halted.</param>
/// <param name="Equity">The latest equity, USDT.</param>
/// <param name="DayBaselineEquity">Equity at the start of the UTC day (0 before the first day starts).</param>
/// <param name="EquityPeak">The equity peak the drawdown is measured from.</param>
/// <param name="Approved">Orders approved since the gate started.</param>
/// <param name="Resized">Orders resized since the gate started.</param>
/// <param name="Denied">Orders denied since the gate started.</param>
/// <param name="Restrictions">Halts and reductions in force.</param>
/// <param name="Breakers">Circuit breakers in force.</param>
public sealed record RiskView(
    string GlobalTradingState,
    decimal Equity,
    decimal DayBaselineEquity,
    decimal EquityPeak,
    long Approved,
    long Resized,
    long Denied,
    IReadOnlyList<RestrictionView> Restrictions,
    IReadOnlyList<BreakerView> Breakers);

/// <summary>A halt or reduction in force.</summary>
/// <param name="Scope">The symbol, or <c>*</c> for every symbol.</param>
/// <param name="Level">Reducing or Halted.</param>
/// <param name="Cause">Why (manual, daily loss, drawdown...).</param>
/// <param name="Reason">In plain words.</param>
/// <param name="SinceMs">Since when, UTC epoch milliseconds (exchange time).</param>
public sealed record RestrictionView(string Scope, string Level, string Cause, string Reason, long SinceMs);

/// <summary>A circuit breaker in force.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Reason">Why it tripped.</param>
/// <param name="UntilMs">Until when, UTC epoch milliseconds (exchange time).</param>
public sealed record BreakerView(string Symbol, string Reason, long UntilMs);

/// <summary>The orders open at the venue, as the gateway holds them (<c>orders open</c>).</summary>
/// <param name="Orders">The orders.</param>
public sealed record OrdersView(IReadOnlyList<OrderView> Orders);

/// <summary>One open order.</summary>
/// <param name="ClientOrderId">Our id.</param>
/// <param name="VenueOrderId">The venue's id, once accepted.</param>
/// <param name="Status">Its status.</param>
/// <param name="Quantity">Its quantity as submitted.</param>
/// <param name="Filled">How much of it filled.</param>
public sealed record OrderView(string ClientOrderId, string? VenueOrderId, string Status, decimal? Quantity, decimal Filled);

/// <summary>What an ops command did (leave, down, halt, resume, flatten).</summary>
/// <param name="Accepted">Whether it took effect.</param>
/// <param name="Message">What happened, for the person who asked.</param>
public sealed record OpsOutcome(bool Accepted, string Message);

/// <summary>The last lines of the answering node's log (<c>log tail</c>).</summary>
/// <param name="File">The log file read.</param>
/// <param name="Lines">Its last lines, oldest first.</param>
public sealed record LogTail(string File, IReadOnlyList<string> Lines);
