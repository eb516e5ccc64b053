namespace Rari.Dashboard.ReadModel;

/// <summary>
/// Everything the page shows at one moment, as the read model last assembled it from the actors' events and answers.
/// Serialized to JSON for the page (camel case); money in USDT, times in UTC epoch milliseconds.
/// </summary>
/// <param name="Overview">The headline figures.</param>
/// <param name="Positions">Every non-flat position.</param>
/// <param name="Symbols">Every traded symbol's state.</param>
/// <param name="Risk">Limits, their use, halts and breakers.</param>
/// <param name="Performance">Equity curve and statistics.</param>
/// <param name="Cluster">The nodes and what they host.</param>
public sealed record DashboardSnapshot(
    OverviewView Overview,
    IReadOnlyList<PositionView> Positions,
    IReadOnlyList<SymbolView> Symbols,
    RiskView Risk,
    PerformanceView Performance,
    IReadOnlyList<NodeView> Cluster);

/// <summary>The headline figures.</summary>
/// <param name="Mode">grid, volatility or hybrid.</param>
/// <param name="StartedAtMs">When this node started (wall clock), for the uptime.</param>
/// <param name="UpdatedAtMs">When this snapshot was assembled (wall clock).</param>
/// <param name="Equity">Wallet plus unrealized PnL; null before the first account view.</param>
/// <param name="WalletBalance">The wallet balance; null before the first account view.</param>
/// <param name="AvailableBalance">Margin free for new orders; null before the first account view.</param>
/// <param name="MarginUsed">Equity minus available balance (never below 0); null before the first account view.</param>
/// <param name="TodayPnl">Equity minus the risk gate's baseline of the UTC day; null before both are known.</param>
/// <param name="TotalPnl">Equity minus the first equity this node saw; null before the first account view.</param>
/// <param name="Drawdown">Fall from the risk gate's equity peak as a fraction of it.</param>
/// <param name="TradingState">The global trading state (Active, Reducing, Halted).</param>
/// <param name="GatewayReconciled">Whether the gateway has reconciled with the exchange and trades.</param>
/// <param name="Connected">Whether the actors answered the last round of questions.</param>
public sealed record OverviewView(
    string Mode,
    long StartedAtMs,
    long UpdatedAtMs,
    decimal? Equity,
    decimal? WalletBalance,
    decimal? AvailableBalance,
    decimal? MarginUsed,
    decimal? TodayPnl,
    decimal? TotalPnl,
    decimal Drawdown,
    string TradingState,
    bool GatewayReconciled,
    bool Connected);

/// <summary>One position.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">LONG or SHORT (by the sign of the size).</param>
/// <param name="Quantity">Size in base units, always positive.</param>
/// <param name="EntryPrice">Average entry price.</param>
/// <param name="MarkPrice">The mark the venue valued it at (entry + unrealized PnL / signed size).</param>
/// <param name="UnrealizedPnl">Unrealized PnL at the mark.</param>
/// <param name="Leverage">The symbol's leverage.</param>
/// <param name="MarginType">cross or isolated.</param>
public sealed record PositionView(
    string Symbol,
    string Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal MarkPrice,
    decimal UnrealizedPnl,
    int Leverage,
    string MarginType);

/// <summary>One symbol as its supervisor and the gateway see it.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Strategy">The strategy family it runs.</param>
/// <param name="TradingState">Its effective trading state.</param>
/// <param name="IsStale">Whether its market data is stale.</param>
/// <param name="IsHalted">Whether repeated failures halted it.</param>
/// <param name="OpenOrders">Orders its strategy holds as possibly open.</param>
/// <param name="Detail">The supervisor's note (active regime, last refusal).</param>
/// <param name="Answered">False when the supervisor did not answer in time.</param>
/// <param name="LastPrice">The latest price its strategy saw; null before the first.</param>
/// <param name="Grid">Its grid's levels and rungs while a grid trades it; null otherwise.</param>
public sealed record SymbolView(
    string Symbol,
    string Strategy,
    string TradingState,
    bool IsStale,
    bool IsHalted,
    int OpenOrders,
    string Detail,
    bool Answered,
    decimal? LastPrice = null,
    GridView? Grid = null);

/// <summary>A grid as the page draws it around the live price.</summary>
/// <param name="Phase">WarmingUp, Refused, Running, Stopped or CoolingDown.</param>
/// <param name="Levels">Level prices, lowest first.</param>
/// <param name="Rungs">Each rung, lowest entry first.</param>
public sealed record GridView(string Phase, IReadOnlyList<decimal> Levels, IReadOnlyList<GridRungLine> Rungs);

/// <summary>One rung on the page.</summary>
/// <param name="EntryPrice">Its entry level.</param>
/// <param name="ExitPrice">Its take-profit level.</param>
/// <param name="Side">BUY or SELL (the entry's side).</param>
/// <param name="Status">Resting, Filled, Skipped or Idle.</param>
/// <param name="Holding">Inventory it holds.</param>
public sealed record GridRungLine(decimal EntryPrice, decimal ExitPrice, string Side, string Status, decimal Holding);

/// <summary>The risk gate's limits against their use, its restrictions and breakers.</summary>
/// <param name="Limits">Each limit with its current use.</param>
/// <param name="Restrictions">Standing halts and reducing states.</param>
/// <param name="Breakers">Tripped circuit breakers.</param>
/// <param name="Approved">Orders approved since start.</param>
/// <param name="Resized">Orders resized since start.</param>
/// <param name="Denied">Orders denied since start.</param>
public sealed record RiskView(
    IReadOnlyList<LimitView> Limits,
    IReadOnlyList<RestrictionView> Restrictions,
    IReadOnlyList<BreakerView> Breakers,
    long Approved,
    long Resized,
    long Denied);

/// <summary>One limit and how much of it is used.</summary>
/// <param name="Name">What is limited.</param>
/// <param name="Used">The current value, as a fraction (0.02 = 2 %).</param>
/// <param name="Limit">The limit, same unit.</param>
public sealed record LimitView(string Name, decimal Used, decimal Limit);

/// <summary>A standing halt or reducing state.</summary>
/// <param name="Scope">A symbol, or "all".</param>
/// <param name="Cause">Why (Manual, DailyLoss...).</param>
/// <param name="Level">Halted or Reducing.</param>
/// <param name="Reason">The reason with its numbers.</param>
/// <param name="SinceMs">When it was imposed (exchange time).</param>
public sealed record RestrictionView(string Scope, string Cause, string Level, string Reason, long SinceMs);

/// <summary>A tripped circuit breaker.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Reason">The move that tripped it.</param>
/// <param name="TrippedAtMs">When (exchange time).</param>
/// <param name="UntilMs">When its cool-down ends (exchange time).</param>
public sealed record BreakerView(string Symbol, string Reason, long TrippedAtMs, long UntilMs);

/// <summary>The equity curve and what is computed from it and from the fills.</summary>
/// <param name="Equity">Equity points (wall-clock time of arrival, USDT), oldest first.</param>
/// <param name="MaxDrawdown">Largest fall below a peak of the curve, as a fraction.</param>
/// <param name="Sharpe">Annualised Sharpe ratio of the curve's daily returns (0 with fewer than two days).</param>
/// <param name="Fills">Fills since start.</param>
/// <param name="FilledNotional">Notional of those fills, USDT.</param>
/// <param name="Fees">Fees paid on them, USDT.</param>
/// <param name="Submitted">Orders submitted to the exchange since start.</param>
/// <param name="FilledOrders">Distinct orders that filled at least in part.</param>
/// <param name="Rejected">Orders the exchange rejected.</param>
/// <param name="UnknownOutcomes">Submissions whose outcome had to be resolved by client order id.</param>
/// <param name="RoundTrips">Round trips closed by the fills seen since start (average-cost matching per symbol).</param>
/// <param name="WinRate">Share of those round trips with a positive net PnL.</param>
/// <param name="ProfitFactor">Their gross wins over gross losses; null when nothing was lost.</param>
public sealed record PerformanceView(
    IReadOnlyList<EquitySample> Equity,
    double MaxDrawdown,
    double Sharpe,
    long Fills,
    decimal FilledNotional,
    decimal Fees,
    long Submitted,
    long FilledOrders,
    long Rejected,
    long UnknownOutcomes,
    int RoundTrips,
    double WinRate,
    double? ProfitFactor);

/// <summary>One point of the equity curve.</summary>
/// <param name="TimestampMs">When the read model received the account view (wall clock).</param>
/// <param name="Equity">Equity, USDT.</param>
public readonly record struct EquitySample(long TimestampMs, decimal Equity);

/// <summary>A cluster member.</summary>
/// <param name="Address">Its Akka address.</param>
/// <param name="Status">Up, Joining, Leaving...</param>
/// <param name="Roles">Its roles.</param>
/// <param name="IsSelf">Whether it is this node.</param>
/// <param name="Symbols">The symbols it hosts, when known (this node's own).</param>
public sealed record NodeView(string Address, string Status, IReadOnlyList<string> Roles, bool IsSelf, IReadOnlyList<string> Symbols);

/// <summary>One line of the activity feed: an audit entry as the page shows it.</summary>
/// <param name="Sequence">Its place in the feed (increasing), so a reconnecting page skips what it has.</param>
/// <param name="Kind">Intent, Verdict, Submission, Response, Fill, Cancel or Reconciliation.</param>
/// <param name="Symbol">The order's symbol.</param>
/// <param name="ClientOrderId">The order's client id.</param>
/// <param name="TimestampMs">Exchange time of the step.</param>
/// <param name="Detail">The step in plain words.</param>
public sealed record ActivityView(long Sequence, string Kind, string Symbol, string ClientOrderId, long TimestampMs, string Detail);
