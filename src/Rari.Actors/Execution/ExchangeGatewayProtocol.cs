using Rari.Actors.Serialization;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Domain.Risk;

namespace Rari.Actors.Execution;

/// <summary>
/// An order the risk gate approved (possibly resized); the gateway journals it, then submits it to the venue exactly
/// once under its client order id.
/// </summary>
/// <param name="Intent">The order as approved (quantity already resized when the verdict says so).</param>
/// <param name="Reason">The strategy's reason, for the audit trail.</param>
/// <param name="Verdict">Approved or resized.</param>
/// <param name="VerdictReason">The gate's explanation.</param>
public sealed record ApprovedOrder(OrderIntent Intent, string Reason, RiskVerdictKind Verdict, string VerdictReason) : IWithSymbol, IRariMessage
{
    /// <inheritdoc />
    public Symbol Symbol => Intent.Symbol;
}

/// <summary>
/// A strategy that recovered (or re-syncs periodically) asks the gateway for the truth about the orders it believes
/// may be open; answered with <see cref="OrderReports"/>.
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="StrategyId">The asking strategy.</param>
/// <param name="ClientOrderIds">The orders it holds as possibly open.</param>
public sealed record GetOrderReports(Symbol Symbol, StrategyId StrategyId, IReadOnlyList<ClientOrderId> ClientOrderIds) : IWithSymbol, IRariMessage;

/// <summary>The gateway's answer to <see cref="GetOrderReports"/>, one report per asked order.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="StrategyId">The strategy that asked.</param>
/// <param name="Reports">The reports, in the order asked.</param>
public sealed record OrderReports(Symbol Symbol, StrategyId StrategyId, IReadOnlyList<OrderStatusReport> Reports) : IWithSymbol, IRariMessage;

/// <summary>
/// What the gateway knows of one order, from its journal reconciled with the venue.
/// </summary>
/// <remarks>
/// <see cref="Status"/> null means the gateway never received the order (it was lost between the strategy and the
/// gateway, e.g. in a crash): the gateway records it as lost, refuses it if it ever arrives later, and the strategy
/// treats it as denied.
/// </remarks>
/// <param name="ClientOrderId">The order.</param>
/// <param name="Status">Its status, or null when the gateway never received it.</param>
/// <param name="VenueOrderId">The venue's id, once accepted.</param>
/// <param name="OrderQuantity">The order's quantity as submitted (after any resize).</param>
/// <param name="Fills">Every fill of the order the gateway holds, oldest first.</param>
/// <param name="Detail">Reject/cancel reason or other note.</param>
public sealed record OrderStatusReport(
    ClientOrderId ClientOrderId,
    OrderStatus? Status,
    VenueOrderId? VenueOrderId,
    decimal? OrderQuantity,
    IReadOnlyList<Fill> Fills,
    string? Detail) : IRariMessage;

/// <summary>One position of the account as the venue reports it.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">BOTH in one-way mode, LONG/SHORT in hedge mode.</param>
/// <param name="Quantity">Signed size in base units (negative = short).</param>
/// <param name="EntryPrice">Average entry price; 0 when flat.</param>
/// <param name="UnrealizedPnl">Unrealized PnL at the mark, USDT.</param>
/// <param name="Leverage">The symbol's leverage.</param>
/// <param name="MarginType">Cross or isolated.</param>
/// <param name="IsolatedWallet">The isolated margin, USDT (0 in cross).</param>
public sealed record PositionReport(
    Symbol Symbol,
    PositionSide Side,
    decimal Quantity,
    decimal EntryPrice,
    decimal UnrealizedPnl,
    int Leverage,
    MarginType MarginType,
    decimal IsolatedWallet) : IRariMessage;

/// <summary>
/// The account changed (balance, positions): published by the gateway on <see cref="Hosting.Topics.Account"/> after every
/// account update and every reconciliation, for the risk gate, the symbols and the read models.
/// </summary>
/// <remarks>
/// Views reach a subscriber by two paths (the topic and a start-up query), so a subscriber keeps the one with the highest
/// <see cref="Revision"/>. Exchange time cannot order them: a REST view's time is only what the venue last reported,
/// and a simulator replaying history stamps its events in market time while it answers in wall-clock time.
/// </remarks>
/// <param name="TimestampMs">
/// Exchange time of the latest update the view reflects, UTC epoch milliseconds; 0 when the venue has not reported a time
/// yet (a first reconciliation on an account without activity).
/// </param>
/// <param name="WalletBalance">USDT wallet balance.</param>
/// <param name="Equity">Wallet plus unrealized PnL (Aster's totalMarginBalance).</param>
/// <param name="AvailableBalance">Margin free for new orders.</param>
/// <param name="Positions">Every non-flat position of the account.</param>
/// <param name="Revision">
/// Strictly increasing per account across gateway incarnations (wall-clock microseconds at least): the newer view has
/// the higher revision. 0 for a view no gateway has stamped.
/// </param>
public sealed record AccountChanged(
    long TimestampMs,
    decimal WalletBalance,
    decimal Equity,
    decimal AvailableBalance,
    IReadOnlyList<PositionReport> Positions,
    long Revision = 0) : IRariMessage
{
    /// <summary>Whether this view is older than <paramref name="held"/> and must not replace it.</summary>
    /// <param name="held">The view held so far, if any.</param>
    public bool IsOlderThan(AccountChanged? held) => held is not null && Revision < held.Revision;
}

/// <summary>Asks the gateway for what it holds; answered with <see cref="GatewayStatus"/>.</summary>
public sealed record GetGatewayStatus : IRariMessage
{
    /// <summary>The one instance.</summary>
    public static GetGatewayStatus Instance { get; } = new();
}

/// <summary>The gateway's view: whether it is trading or still reconciling, its open orders and the last account view.</summary>
/// <param name="IsReconciled">False while the start-up reconciliation is running (orders are stashed meanwhile).</param>
/// <param name="OpenOrders">Every order the gateway holds as open at the venue.</param>
/// <param name="Account">The last account view, when known.</param>
/// <param name="Submitted">Orders submitted since start.</param>
/// <param name="Rejected">Orders the venue rejected since start.</param>
/// <param name="UnknownOutcomes">Submissions whose outcome had to be resolved by client order id.</param>
public sealed record GatewayStatus(
    bool IsReconciled,
    IReadOnlyList<OrderStatusReport> OpenOrders,
    AccountChanged? Account,
    long Submitted,
    long Rejected,
    long UnknownOutcomes) : IRariMessage;

/// <summary>
/// Asks the gateway for every open order that adds exposure (not reduce-only, not close-position), answered with
/// <see cref="OpenEntryOrders"/> once the gateway has reconciled. The risk gate asks after it starts, so the resting
/// entries it counts against the caps survive its restart: the gateway's journal is where they are recorded.
/// </summary>
public sealed record GetOpenEntryOrders : IRariMessage
{
    /// <summary>The one instance.</summary>
    public static GetOpenEntryOrders Instance { get; } = new();
}

/// <summary>The open exposure-adding orders the gateway holds, each with what has filled so far.</summary>
/// <param name="Orders">The orders.</param>
public sealed record OpenEntryOrders(IReadOnlyList<OpenEntryOrder> Orders) : IRariMessage;

/// <summary>One open exposure-adding order.</summary>
/// <param name="Intent">The order as submitted (after any resize).</param>
/// <param name="FilledQuantity">How much of it has filled, base units.</param>
public sealed record OpenEntryOrder(OrderIntent Intent, decimal FilledQuantity) : IRariMessage;

/// <summary>
/// How much of the exchange's order-rate limit is used, from the gateway's rate-limit budget (the venue's
/// <c>X-MBX-ORDER-COUNT-*</c> headers plus orders in flight): sent to the risk gate after submissions and whenever it
/// changes, for its order-rate rule.
/// </summary>
/// <param name="Used">Orders counted in the tightest window.</param>
/// <param name="Limit">That window's limit; 0 when unknown.</param>
public sealed record OrderRateObserved(long Used, long Limit) : IRariMessage
{
    /// <summary>The usage as the Domain rules read it.</summary>
    public OrderRateUsage Usage => new(Used, Limit);
}
