using System.Globalization;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Rari.Actors.Hosting;
using Rari.Domain.Identifiers;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;

namespace Rari.Actors.Risk;

// Trading states out: what the symbols are told, and what the operator is answered.
public sealed partial class RiskGate
{
    /// <summary>
    /// Publishes every trading state that differs from the last one published: the global state, and each symbol's own
    /// (its restrictions and circuit breaker, without the global ones). After recovery nothing has been published yet, so
    /// the global state and every restricted symbol's go out.
    /// </summary>
    /// <remarks>
    /// Comparing with what was published, rather than the state before the write, also catches a circuit breaker that
    /// ended by time before its reset was journaled.
    /// </remarks>
    private void PublishTradingStates(IReadOnlyList<IRiskEvent> events, long nowMs, string? prefix)
    {
        var global = _state.GlobalTradingState;
        if (_publishedGlobal != global)
        {
            Publish(new TradingStateChanged(null, global, Reason(null, global, events, prefix), nowMs));
            _publishedGlobal = global;
        }

        var symbols = new HashSet<Symbol>(_publishedSymbols.Keys);
        foreach (var restriction in _state.Restrictions)
        {
            if (restriction.Symbol is { } symbol)
            {
                symbols.Add(symbol);
            }
        }

        foreach (var breaker in _state.Breakers)
        {
            symbols.Add(breaker.Symbol);
        }

        foreach (var symbol in symbols)
        {
            var state = _state.SymbolTradingState(symbol, nowMs);
            var published = _publishedSymbols.GetValueOrDefault(symbol, TradingState.Active);
            if (state == published)
            {
                continue;
            }

            Publish(new TradingStateChanged(symbol, state, Reason(symbol, state, events, prefix), nowMs));
            if (state == TradingState.Active)
            {
                _publishedSymbols.Remove(symbol);
            }
            else
            {
                _publishedSymbols[symbol] = state;
            }
        }
    }

    private void Publish(TradingStateChanged change)
    {
        _log.Info("Trading state of {Scope} is now {State}: {Reason}", change.Symbol?.ToString() ?? "all symbols", change.State, change.Reason);
        _mediator.Tell(new Publish(Topics.TradingState, change));
    }

    /// <summary>
    /// Why a scope trades as it does: while restricted, the reason of its latest restriction at that level (or of its
    /// circuit breaker); once active again, the reason of the latest event that lifted something in it.
    /// </summary>
    private string Reason(Symbol? scope, TradingState state, IReadOnlyList<IRiskEvent> events, string? prefix)
    {
        string? reason = null;
        if (state != TradingState.Active)
        {
            foreach (var restriction in _state.Restrictions)
            {
                if (restriction.Symbol == scope && restriction.Level == state)
                {
                    reason = restriction.Reason;
                }
            }

            if (reason is null && scope is { } symbol && _state.BreakerOf(symbol) is { } breaker)
            {
                reason = breaker.Reason;
            }
        }
        else
        {
            for (var i = events.Count - 1; i >= 0 && reason is null; i--)
            {
                reason = events[i] switch
                {
                    TradingResumed resumed when resumed.Symbol == scope => resumed.Reason,
                    CircuitBreakerReset reset when reset.Symbol == scope => reset.Reason,
                    _ => null,
                };
            }
        }

        reason ??= state == TradingState.Active ? "no restriction stands" : state.ToString();
        return prefix is null ? reason : $"{prefix}: {reason}";
    }

    /// <summary>The answer to an operator control, in plain words.</summary>
    private string DescribeControl(RiskInput control, bool changed)
    {
        var symbol = control switch
        {
            HaltTrading halt => halt.Symbol,
            ResumeTrading resume => resume.Symbol,
            FlattenPositions flatten => flatten.Symbol,
            _ => null,
        };
        var scope = symbol?.ToString() ?? "all trading";
        var now = symbol is { } s ? _state.TradingStateOf(s, control.TimestampMs) : _state.GlobalTradingState;
        var outcome = (control, changed) switch
        {
            (HaltTrading halt, true) => $"{scope} set to {halt.Level} by hand: {halt.Reason}",
            (HaltTrading halt, false) => $"{scope} was already set to {halt.Level} by hand; nothing changed",
            (ResumeTrading resume, true) => $"lifted the {Describe(resume.Cause)} restrictions of {scope}: {resume.Reason}",
            (ResumeTrading resume, false) => $"nothing to lift: {scope} has no {Describe(resume.Cause)} restriction",
            (FlattenPositions flatten, _) => $"closing every position of {scope} and halting it: {flatten.Reason}",
            _ => control.ToString(),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{outcome}; {scope} now trades {now}");
    }

    private static string Describe(HaltCause? cause) => cause is { } c ? c.ToString() : "standing";
}
