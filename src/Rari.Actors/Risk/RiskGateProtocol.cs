using Rari.Actors.Serialization;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;

namespace Rari.Actors.Risk;

/// <summary>
/// A strategy asks for an order to be placed. The risk gate answers by forwarding an <see cref="Execution.ApprovedOrder"/>
/// to the exchange gateway (approved or resized) or by sending <see cref="OrderDenied"/> to the symbol (denied).
/// </summary>
/// <param name="Request">The intent with its downside (stop-loss or worst-case loss per unit).</param>
/// <param name="Reason">Why the strategy wants it, for the audit trail.</param>
public sealed record SubmitOrder(RiskRequest Request, string Reason) : IWithSymbol, IRariMessage
{
    /// <inheritdoc />
    public Symbol Symbol => Request.Intent.Symbol;
}

/// <summary>
/// What a symbol saw of its market at a closed bar, sent to the risk gate so that its rules judge orders against fresh
/// marks and volatility, and its circuit breakers see every bar's return.
/// </summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="TimestampMs">Market time of the bar's close, UTC epoch milliseconds.</param>
/// <param name="MarkPrice">The latest mark (or close, when no mark stream is known).</param>
/// <param name="BarReturn">The bar's simple return (close / previous close − 1); null for the first bar.</param>
/// <param name="RecentStdDev">Standard deviation of recent bar returns; null until known.</param>
/// <param name="Volatility">Realized volatility the sizing rules use; null until known.</param>
/// <param name="AverageTrueRange">ATR in price units; null until known.</param>
/// <param name="StopLossPrice">The symbol's standing protective stop, when its strategy has one.</param>
public sealed record SymbolMarketObserved(
    Symbol Symbol,
    long TimestampMs,
    decimal MarkPrice,
    decimal? BarReturn,
    decimal? RecentStdDev,
    decimal? Volatility,
    decimal? AverageTrueRange,
    decimal? StopLossPrice) : IWithSymbol, IRariMessage;

/// <summary>
/// Several <see cref="SymbolMarketObserved"/> readings of one symbol, oldest first, in one message: the bars of one stream
/// batch. The risk gate judges them one after the other exactly as if they had come one by one (a circuit breaker
/// tripped by one reading is journaled before the next reading is judged), but its mailbox takes one message per
/// symbol per batch instead of one per bar.
/// </summary>
/// <param name="Symbol">The symbol every reading belongs to.</param>
/// <param name="Readings">The readings, oldest first.</param>
public sealed record SymbolMarketsObserved(Symbol Symbol, IReadOnlyList<SymbolMarketObserved> Readings) : IWithSymbol, IRariMessage;

/// <summary>
/// The risk gate's trading state changed, for the whole trader (<paramref name="Symbol"/> null) or one symbol; published
/// on <see cref="Hosting.Topics.TradingState"/> so every symbol applies it.
/// </summary>
/// <param name="Symbol">The symbol, or null for every symbol.</param>
/// <param name="State">The new state.</param>
/// <param name="Reason">Why, in plain words (which limit, which operator command).</param>
/// <param name="TimestampMs">When, UTC epoch milliseconds.</param>
public sealed record TradingStateChanged(Symbol? Symbol, TradingState State, string Reason, long TimestampMs) : IRariMessage;

/// <summary>Asks the risk gate for its state; answered with <see cref="RiskStatus"/>.</summary>
public sealed record GetRiskStatus : IRariMessage
{
    /// <summary>The one instance.</summary>
    public static GetRiskStatus Instance { get; } = new();
}

/// <summary>The risk gate's state: limits in use, halts and breakers, and its counters.</summary>
/// <param name="State">The journaled risk state (halts, breakers, day baseline, equity peak).</param>
/// <param name="Equity">The latest equity seen, USDT.</param>
/// <param name="Approved">Orders approved since start.</param>
/// <param name="Resized">Orders resized since start.</param>
/// <param name="Denied">Orders denied since start.</param>
public sealed record RiskStatus(RiskState State, decimal Equity, long Approved, long Resized, long Denied) : IRariMessage;

/// <summary>The result of an operator control (halt, resume, flatten) sent to the risk gate.</summary>
/// <param name="Accepted">Whether the control took effect.</param>
/// <param name="Message">What happened, for the person who asked.</param>
public sealed record ControlResult(bool Accepted, string Message) : IRariMessage;
