using Rari.Domain.Identifiers;
using Rari.Domain.Strategies;

namespace Rari.Domain.Risk;

// The risk monitor's journaled decisions. Each is folded into RiskState by RiskState.Apply, live and on recovery, and
// carries everything the fold needs. High-frequency numbers (every equity tick) are not journaled; only the references
// that decisions are measured from (the day's baseline, the equity peak) and the restrictions themselves.

/// <summary>A fact the risk monitor decided, journaled by the risk gate and folded with <see cref="RiskState.Apply"/>.</summary>
public interface IRiskEvent
{
    /// <summary>When it was decided (the time of the input that caused it), UTC epoch milliseconds.</summary>
    long TimestampMs { get; }
}

/// <summary>A new UTC day began; the daily loss is measured from <paramref name="BaselineEquity"/> until the next one.</summary>
/// <param name="TimestampMs">Time of the first equity reading of the day.</param>
/// <param name="DayStartMs">Midnight UTC that starts the day, epoch milliseconds.</param>
/// <param name="BaselineEquity">The day's starting equity, USDT.</param>
public sealed record DayStarted(long TimestampMs, long DayStartMs, decimal BaselineEquity) : IRiskEvent;

/// <summary>The day's baseline was set anew mid-day, after a manual resume lifted a daily-loss halt.</summary>
/// <param name="TimestampMs">Time of the equity reading it was taken from.</param>
/// <param name="BaselineEquity">The new baseline, USDT.</param>
/// <param name="Reason">Why.</param>
public sealed record DailyBaselineReset(long TimestampMs, decimal BaselineEquity, string Reason) : IRiskEvent;

/// <summary>
/// The equity peak that drawdown is measured from: a new high (journaled only once it clears the last one by
/// <see cref="RiskSettings.PeakJournalStep"/>), or the equity at the first reading after a max-drawdown halt was lifted.
/// </summary>
/// <param name="TimestampMs">Time of the reading.</param>
/// <param name="Peak">The peak, USDT.</param>
public sealed record EquityPeakRecorded(long TimestampMs, decimal Peak) : IRiskEvent;

/// <summary>
/// Funds moved in or out of the account: the day's baseline and the equity peak move by the same amount, so a
/// withdrawal is not taken for a loss nor a deposit for a gain.
/// </summary>
/// <param name="TimestampMs">When the transfer was seen.</param>
/// <param name="Amount">USDT in (positive) or out (negative).</param>
public sealed record LossReferencesAdjusted(long TimestampMs, decimal Amount) : IRiskEvent;

/// <summary>Trading was restricted, globally or for one symbol.</summary>
/// <param name="TimestampMs">When.</param>
/// <param name="Symbol">The symbol; null for all trading.</param>
/// <param name="Cause">Why; replaces a standing restriction of the same scope and cause.</param>
/// <param name="Level"><see cref="TradingState.Halted"/> (only reduce-only and closing orders) or <see cref="TradingState.Reducing"/> (nothing that grows a position).</param>
/// <param name="Reason">What happened, with the numbers.</param>
public sealed record TradingHalted(long TimestampMs, Symbol? Symbol, HaltCause Cause, TradingState Level, string Reason) : IRiskEvent;

/// <summary>Restrictions were lifted: those of the scope with <paramref name="Cause"/>, or all of the scope's when it is null.</summary>
/// <param name="TimestampMs">When.</param>
/// <param name="Symbol">The symbol; null for the global restrictions (symbol ones stay).</param>
/// <param name="Cause">The cause lifted; null for every cause.</param>
/// <param name="Reason">Who or what lifted them.</param>
public sealed record TradingResumed(long TimestampMs, Symbol? Symbol, HaltCause? Cause, string Reason) : IRiskEvent;

/// <summary>An extreme move tripped the symbol's circuit breaker: no new entries until <paramref name="UntilMs"/>.</summary>
/// <param name="TimestampMs">When (the bar's close).</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Reason">The move, with the numbers.</param>
/// <param name="UntilMs">When the cool-down ends.</param>
public sealed record CircuitBreakerTripped(long TimestampMs, Symbol Symbol, string Reason, long UntilMs) : IRiskEvent;

/// <summary>The symbol's circuit breaker reset: its cool-down ended, or an operator resumed the symbol.</summary>
/// <param name="TimestampMs">When.</param>
/// <param name="Symbol">The symbol.</param>
/// <param name="Reason">Why.</param>
public sealed record CircuitBreakerReset(long TimestampMs, Symbol Symbol, string Reason) : IRiskEvent;

/// <summary>An operator ordered every position (of one symbol, or all) closed; recorded for the audit trail.</summary>
/// <param name="TimestampMs">When.</param>
/// <param name="Symbol">The symbol; null for all positions.</param>
/// <param name="Reason">The operator's reason.</param>
public sealed record FlattenOrdered(long TimestampMs, Symbol? Symbol, string Reason) : IRiskEvent;
