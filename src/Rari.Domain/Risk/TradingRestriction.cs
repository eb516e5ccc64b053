using Rari.Domain.Identifiers;
using Rari.Domain.Strategies;

namespace Rari.Domain.Risk;

/// <summary>
/// One standing restriction on trading, global or for one symbol, held in <see cref="RiskState"/> until a
/// <see cref="TradingResumed"/> lifts it. Several may stand at once (a daily-loss halt and a manual one); the strictest
/// decides the trading state.
/// </summary>
/// <param name="Symbol">The restricted symbol; null for all trading.</param>
/// <param name="Cause">Why; one restriction per scope and cause.</param>
/// <param name="Level"><see cref="TradingState.Halted"/> or <see cref="TradingState.Reducing"/>.</param>
/// <param name="Reason">What happened, with the numbers.</param>
/// <param name="SinceMs">When it was imposed, UTC epoch milliseconds.</param>
public sealed record TradingRestriction(Symbol? Symbol, HaltCause Cause, TradingState Level, string Reason, long SinceMs);

/// <summary>
/// A tripped circuit breaker: new entries in <paramref name="Symbol"/> stay out until <paramref name="UntilMs"/>, then the
/// breaker resets by itself. While it stands the symbol trades <see cref="TradingState.Reducing"/>.
/// </summary>
/// <param name="Symbol">The symbol that moved.</param>
/// <param name="Reason">The move, with the numbers.</param>
/// <param name="TrippedAtMs">When it tripped (or last tripped again), UTC epoch milliseconds.</param>
/// <param name="UntilMs">When the cool-down ends, UTC epoch milliseconds.</param>
public sealed record CircuitBreaker(Symbol Symbol, string Reason, long TrippedAtMs, long UntilMs)
{
    /// <summary>True while the cool-down runs at <paramref name="nowMs"/>.</summary>
    public bool IsActiveAt(long nowMs) => nowMs < UntilMs;
}
