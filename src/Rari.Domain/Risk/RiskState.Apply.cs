using System.Collections.Immutable;

namespace Rari.Domain.Risk;

// The fold: how each journaled event changes the state. Used live after every persist and on recovery alike.
public sealed partial record RiskState
{
    /// <summary>The state after <paramref name="riskEvent"/>.</summary>
    /// <exception cref="ArgumentException">The event is of a kind the state does not know.</exception>
    public RiskState Apply(IRiskEvent riskEvent)
    {
        ArgumentNullException.ThrowIfNull(riskEvent);
        return riskEvent switch
        {
            DayStarted day => this with
            {
                DayStartMs = day.DayStartMs,
                DayBaselineEquity = day.BaselineEquity,
                BaselineRebasePending = false,
            },
            DailyBaselineReset reset => this with { DayBaselineEquity = reset.BaselineEquity, BaselineRebasePending = false },
            EquityPeakRecorded peak => this with { EquityPeak = peak.Peak, PeakTimeMs = peak.TimestampMs, PeakRebasePending = false },
            LossReferencesAdjusted transfer => this with
            {
                DayBaselineEquity = DayStartMs is null ? DayBaselineEquity : Math.Max(0m, DayBaselineEquity + transfer.Amount),
                EquityPeak = EquityPeak > 0m ? Math.Max(0m, EquityPeak + transfer.Amount) : EquityPeak,
            },
            TradingHalted halted => this with { Restrictions = Upsert(halted) },
            TradingResumed resumed => Resume(resumed),
            CircuitBreakerTripped tripped => this with { Breakers = Upsert(tripped) },
            CircuitBreakerReset reset => this with { Breakers = Breakers.RemoveAll(b => b.Symbol == reset.Symbol) },
            FlattenOrdered => this,
            _ => throw new ArgumentException($"RiskState cannot apply {riskEvent.GetType().Name}.", nameof(riskEvent)),
        };
    }

    /// <summary>The state after every event in order; <c>Empty.ApplyAll(journal)</c> recovers the live state.</summary>
    public RiskState ApplyAll(IEnumerable<IRiskEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var state = this;
        foreach (var riskEvent in events)
        {
            state = state.Apply(riskEvent);
        }

        return state;
    }

    private ImmutableArray<TradingRestriction> Upsert(TradingHalted halted)
    {
        var restriction = new TradingRestriction(halted.Symbol, halted.Cause, halted.Level, halted.Reason, halted.TimestampMs);
        for (var i = 0; i < Restrictions.Length; i++)
        {
            if (Restrictions[i].Symbol == halted.Symbol && Restrictions[i].Cause == halted.Cause)
            {
                return Restrictions.SetItem(i, restriction);
            }
        }

        return Restrictions.Add(restriction);
    }

    private ImmutableArray<CircuitBreaker> Upsert(CircuitBreakerTripped tripped)
    {
        var breaker = new CircuitBreaker(tripped.Symbol, tripped.Reason, tripped.TimestampMs, tripped.UntilMs);
        for (var i = 0; i < Breakers.Length; i++)
        {
            if (Breakers[i].Symbol == tripped.Symbol)
            {
                return Breakers.SetItem(i, breaker);
            }
        }

        return Breakers.Add(breaker);
    }

    // Lifting a loss halt re-arms its limit from the next equity reading: otherwise the loss that caused the halt would
    // trip it again at once. A new day's baseline (DayStarted, folded after the automatic resume) clears the flag.
    private RiskState Resume(TradingResumed resumed)
    {
        var kept = ImmutableArray.CreateBuilder<TradingRestriction>(Restrictions.Length);
        var baselinePending = BaselineRebasePending;
        var peakPending = PeakRebasePending;
        foreach (var restriction in Restrictions)
        {
            if (restriction.Symbol != resumed.Symbol || (resumed.Cause is { } cause && restriction.Cause != cause))
            {
                kept.Add(restriction);
                continue;
            }

            baselinePending |= restriction.Cause == HaltCause.DailyLoss;
            peakPending |= restriction.Cause == HaltCause.MaxDrawdown;
        }

        return this with
        {
            Restrictions = kept.ToImmutable(),
            BaselineRebasePending = baselinePending,
            PeakRebasePending = peakPending,
        };
    }
}
