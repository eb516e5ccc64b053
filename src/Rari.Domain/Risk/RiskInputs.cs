using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;

namespace Rari.Domain.Risk;

/// <summary>Something the risk monitor must react to, with the time it happened; handed to <see cref="RiskMonitor.Decide"/>.</summary>
/// <param name="TimestampMs">When, UTC epoch milliseconds (market or venue time, never the local clock).</param>
public abstract record RiskInput(long TimestampMs);

/// <summary>The account's equity after a mark-price update. Send one after every mark update that moves it.</summary>
/// <param name="TimestampMs">Time of the mark.</param>
/// <param name="Equity">Wallet plus unrealized PnL, USDT.</param>
public sealed record EquityObserved(long TimestampMs, decimal Equity) : RiskInput(TimestampMs);

/// <summary>One of the account's fills, with the equity after booking it.</summary>
/// <param name="Fill">The fill; its time is the input's.</param>
/// <param name="Equity">Wallet plus unrealized PnL after the fill, USDT.</param>
public sealed record FillObserved(Fill Fill, decimal Equity) : RiskInput(Fill?.TimestampMs ?? throw new ArgumentNullException(nameof(Fill)));

/// <summary>Midnight UTC passed (the host's timer), with the equity at that moment: the new day's baseline.</summary>
/// <param name="TimestampMs">A time in the new day, normally its first millisecond.</param>
/// <param name="Equity">Wallet plus unrealized PnL, USDT.</param>
public sealed record UtcDayStarted(long TimestampMs, decimal Equity) : RiskInput(TimestampMs);

/// <summary>A bar of <paramref name="Symbol"/> closed: its return and the spread of the returns before it (see <see cref="ReturnTracker"/>).</summary>
/// <param name="TimestampMs">The bar's close time.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Return">The bar's simple return, <c>close / previous close − 1</c>.</param>
/// <param name="RecentStdDev">Sample standard deviation of the preceding returns, this one excluded; null while warming up.</param>
public sealed record BarReturnObserved(long TimestampMs, Symbol Symbol, decimal Return, decimal? RecentStdDev) : RiskInput(TimestampMs);

/// <summary>
/// A critical error was escalated (the gateway gave up retrying, authentication failed, reconciliation could not settle a
/// mismatch, the user stream went stale): all trading halts with the reason.
/// </summary>
/// <param name="TimestampMs">When.</param>
/// <param name="Cause">One of the critical-error causes (not Manual, DailyLoss or MaxDrawdown).</param>
/// <param name="Detail">What happened, e.g. the venue's error code and message.</param>
public sealed record CriticalErrorDetected(long TimestampMs, HaltCause Cause, string Detail) : RiskInput(TimestampMs);

/// <summary>An operator halts (or puts into reducing) all trading or one symbol.</summary>
/// <param name="TimestampMs">When.</param>
/// <param name="Symbol">The symbol; null for all trading.</param>
/// <param name="Reason">The operator's reason.</param>
/// <param name="Level"><see cref="TradingState.Halted"/> (the default) or <see cref="TradingState.Reducing"/>.</param>
public sealed record HaltTrading(long TimestampMs, Symbol? Symbol, string Reason, TradingState Level = TradingState.Halted) : RiskInput(TimestampMs);

/// <summary>
/// An operator (or the component that raised a critical error, once it is cured) lifts restrictions: the scope's
/// restrictions with <paramref name="Cause"/>, or all of the scope's when it is null. Resuming a symbol also resets its
/// circuit breaker.
/// </summary>
/// <param name="TimestampMs">When.</param>
/// <param name="Symbol">The symbol; null for the global restrictions.</param>
/// <param name="Reason">Who resumed and why.</param>
/// <param name="Cause">The cause to lift; null for every cause.</param>
public sealed record ResumeTrading(long TimestampMs, Symbol? Symbol, string Reason, HaltCause? Cause = null) : RiskInput(TimestampMs);

/// <summary>An operator closes every position (of one symbol, or all) and halts that scope.</summary>
/// <param name="TimestampMs">When.</param>
/// <param name="Symbol">The symbol; null for all positions.</param>
/// <param name="Reason">The operator's reason.</param>
public sealed record FlattenPositions(long TimestampMs, Symbol? Symbol, string Reason) : RiskInput(TimestampMs);

/// <summary>Funds were deposited (positive) or withdrawn (negative), so equity moved without a gain or a loss.</summary>
/// <param name="TimestampMs">When.</param>
/// <param name="Amount">USDT, positive in, negative out.</param>
public sealed record FundsTransferred(long TimestampMs, decimal Amount) : RiskInput(TimestampMs);

/// <summary>Time passed (the host's timer, e.g. at a circuit breaker's end), so cool-downs can end without other input.</summary>
/// <param name="TimestampMs">Now.</param>
public sealed record TimePassed(long TimestampMs) : RiskInput(TimestampMs);
