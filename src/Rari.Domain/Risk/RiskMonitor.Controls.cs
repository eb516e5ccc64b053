using Rari.Domain.Strategies;

namespace Rari.Domain.Risk;

// Operator controls: halt (or reduce), resume and flatten, globally or for one symbol.
public sealed partial class RiskMonitor
{
    private static void OnHalt(Builder decision, HaltTrading halt)
    {
        if (halt.Level is not (TradingState.Halted or TradingState.Reducing))
        {
            throw new ArgumentException($"A halt sets Halted or Reducing, not {halt.Level}; resume to trade again.", nameof(halt));
        }

        if (decision.State.RestrictionOf(halt.Symbol, HaltCause.Manual)?.Level == halt.Level)
        {
            return;
        }

        decision.Emit(new TradingHalted(halt.TimestampMs, halt.Symbol, HaltCause.Manual, halt.Level, halt.Reason));
        decision.Send(new CancelEntryOrders(halt.Symbol, halt.Reason));
    }

    private static void OnResume(Builder decision, ResumeTrading resume)
    {
        var lifts = false;
        foreach (var restriction in decision.State.Restrictions)
        {
            lifts |= restriction.Symbol == resume.Symbol && (resume.Cause is not { } cause || restriction.Cause == cause);
        }

        if (lifts)
        {
            decision.Emit(new TradingResumed(resume.TimestampMs, resume.Symbol, resume.Cause, resume.Reason));
        }

        if (resume.Symbol is { } symbol && resume.Cause is null && decision.State.BreakerOf(symbol) is not null)
        {
            decision.Emit(new CircuitBreakerReset(resume.TimestampMs, symbol, $"resumed by hand: {resume.Reason}"));
        }
    }

    private static void OnFlatten(Builder decision, FlattenPositions flatten)
    {
        var reason = $"flatten: {flatten.Reason}";
        if (decision.State.RestrictionOf(flatten.Symbol, HaltCause.Manual)?.Level != TradingState.Halted)
        {
            decision.Emit(new TradingHalted(flatten.TimestampMs, flatten.Symbol, HaltCause.Manual, TradingState.Halted, reason));
        }

        decision.Emit(new FlattenOrdered(flatten.TimestampMs, flatten.Symbol, flatten.Reason));
        decision.Send(new CancelEntryOrders(flatten.Symbol, reason));
        decision.Send(new ClosePositions(flatten.Symbol, reason));
    }
}
