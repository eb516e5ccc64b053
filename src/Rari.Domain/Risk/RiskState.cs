using System.Collections.Immutable;
using Rari.Domain.Identifiers;
using Rari.Domain.Strategies;

namespace Rari.Domain.Risk;

/// <summary>
/// The risk monitor's journaled state: the UTC day and its starting equity, the equity peak, the standing trading
/// restrictions and the tripped circuit breakers. Immutable; changed only by <see cref="Apply"/>; compared by value, so a
/// state rebuilt from the journal equals the live one.
/// </summary>
/// <remarks>
/// <para>Recovery: <c>RiskState.Empty.ApplyAll(journal)</c>. A halt stays a halt until a <see cref="TradingResumed"/> is
/// journaled; a circuit breaker stops counting once its <see cref="CircuitBreaker.UntilMs"/> passes even before its
/// reset event is written, because <see cref="TradingStateOf"/> takes the time.</para>
/// <para>Live figures that change every tick (equity, current drawdown) are not held here: they come with each input.</para>
/// </remarks>
public sealed partial record RiskState
{
    /// <summary>The state before any event: no day, no peak, nothing restricted.</summary>
    public static RiskState Empty { get; } = new();

    /// <summary>Midnight UTC of the current day, epoch milliseconds; null before the first equity reading.</summary>
    public long? DayStartMs { get; init; }

    /// <summary>The equity the daily loss is measured from, USDT; 0 before the first reading.</summary>
    public decimal DayBaselineEquity { get; init; }

    /// <summary>The journaled equity peak the drawdown is measured from, USDT; 0 before the first reading.</summary>
    public decimal EquityPeak { get; init; }

    /// <summary>When <see cref="EquityPeak"/> was recorded, UTC epoch milliseconds; 0 before the first reading.</summary>
    public long PeakTimeMs { get; init; }

    /// <summary>True after a manual resume lifted a daily-loss halt: the next equity reading becomes the day's baseline.</summary>
    public bool BaselineRebasePending { get; init; }

    /// <summary>True after a resume lifted a max-drawdown halt: the next equity reading becomes the peak.</summary>
    public bool PeakRebasePending { get; init; }

    /// <summary>The standing restrictions, in the order they were imposed (one per scope and cause).</summary>
    public ImmutableArray<TradingRestriction> Restrictions { get; init; } = [];

    /// <summary>The tripped circuit breakers not yet reset, in the order they first tripped.</summary>
    public ImmutableArray<CircuitBreaker> Breakers { get; init; } = [];

    /// <summary>The trader-wide trading state: the strictest global restriction, or Active.</summary>
    public TradingState GlobalTradingState => Strictest(null, TradingState.Active);

    /// <summary>
    /// The symbol's own trading state at <paramref name="nowMs"/>, without the global one: the strictest of its
    /// restrictions, and <see cref="TradingState.Reducing"/> while its circuit breaker runs. Feed it to
    /// <see cref="SymbolRiskView.TradingState"/>.
    /// </summary>
    public TradingState SymbolTradingState(Symbol symbol, long nowMs)
    {
        var state = Strictest(symbol, TradingState.Active);
        return BreakerOf(symbol) is { } breaker && breaker.IsActiveAt(nowMs) ? Max(state, TradingState.Reducing) : state;
    }

    /// <summary>The state a symbol trades in at <paramref name="nowMs"/>: the stricter of the global and its own.</summary>
    public TradingState TradingStateOf(Symbol symbol, long nowMs) => Max(GlobalTradingState, SymbolTradingState(symbol, nowMs));

    /// <summary>The restriction of this scope and cause, or null.</summary>
    /// <param name="symbol">The symbol; null for the global scope.</param>
    /// <param name="cause">The cause.</param>
    public TradingRestriction? RestrictionOf(Symbol? symbol, HaltCause cause)
    {
        foreach (var restriction in Restrictions)
        {
            if (restriction.Symbol == symbol && restriction.Cause == cause)
            {
                return restriction;
            }
        }

        return null;
    }

    /// <summary>True when a restriction of this scope and cause stands.</summary>
    public bool IsRestricted(Symbol? symbol, HaltCause cause) => RestrictionOf(symbol, cause) is not null;

    /// <summary>The symbol's circuit breaker, or null when none is tripped (an expired one counts until its reset is journaled).</summary>
    public CircuitBreaker? BreakerOf(Symbol symbol)
    {
        foreach (var breaker in Breakers)
        {
            if (breaker.Symbol == symbol)
            {
                return breaker;
            }
        }

        return null;
    }

    /// <summary>The loss since the day's baseline as a fraction of it, <c>(baseline − equity) / baseline</c>; 0 without a baseline, negative on a gain.</summary>
    public decimal DailyLossFraction(decimal equity) =>
        DayBaselineEquity > 0m ? (DayBaselineEquity - equity) / DayBaselineEquity : 0m;

    /// <summary>
    /// The drawdown from the journaled peak as a fraction of it, <c>(peak − equity) / peak</c>, floored at 0; the same
    /// measure as <c>DrawdownTracker.CurrentDrawdownFraction</c>.
    /// </summary>
    public decimal DrawdownFraction(decimal equity) =>
        EquityPeak > 0m && equity < EquityPeak ? (EquityPeak - equity) / EquityPeak : 0m;

    /// <inheritdoc />
    public bool Equals(RiskState? other) =>
        other is not null
        && DayStartMs == other.DayStartMs
        && DayBaselineEquity == other.DayBaselineEquity
        && EquityPeak == other.EquityPeak
        && PeakTimeMs == other.PeakTimeMs
        && BaselineRebasePending == other.BaselineRebasePending
        && PeakRebasePending == other.PeakRebasePending
        && Restrictions.SequenceEqual(other.Restrictions)
        && Breakers.SequenceEqual(other.Breakers);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(DayStartMs, DayBaselineEquity, EquityPeak, PeakTimeMs, BaselineRebasePending, PeakRebasePending, Restrictions.Length, Breakers.Length);

    private TradingState Strictest(Symbol? symbol, TradingState state)
    {
        foreach (var restriction in Restrictions)
        {
            if (restriction.Symbol == symbol)
            {
                state = Max(state, restriction.Level);
            }
        }

        return state;
    }

    private static TradingState Max(TradingState a, TradingState b) => a >= b ? a : b;
}
