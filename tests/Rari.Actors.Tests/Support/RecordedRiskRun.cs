using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.TestKit;

namespace Rari.Actors.Tests.Support;

/// <summary>
/// The risk monitor driven like the risk gate drives it, over the default volatility run's real equity curve and the
/// real ETHUSDT bar returns, with tight limits so that it halts, trips breakers and rebases, and with the operator and
/// critical-error inputs a live day has: every decision's events journaled and folded, the states kept.
/// </summary>
public static class RecordedRiskRun
{
    /// <summary>Tight limits, so the recorded weeks hit every protection.</summary>
    public static RiskSettings Settings { get; } = RiskSettings.Default with
    {
        MaxDailyLoss = 0.01m,
        MaxDrawdown = 0.015m,
        CircuitBreakerMove = 0.006m,
        CircuitBreakerSigma = null,
    };

    private static readonly Lazy<RiskRun> Lazy = new(Record);

    /// <summary>The run.</summary>
    public static RiskRun Run => Lazy.Value;

    private static RiskRun Record()
    {
        var source = RecordedStrategyRuns.Volatility;
        var symbol = source.Instrument.Symbol;
        var monitor = new RiskMonitor(Settings);
        var tracker = new ReturnTracker(symbol);
        var run = new RiskRun();
        var bars = source.Bars;
        var curve = source.EquityCurve;
        var day = -1L;
        for (var i = 0; i < curve.Count; i++)
        {
            var bar = bars[RecordedStrategyRuns.WarmUpBars + i];
            var (timeMs, equity) = curve[i];
            if (timeMs / RiskMonitor.DayMs != day)
            {
                day = timeMs / RiskMonitor.DayMs;
                run.Decide(monitor, new UtcDayStarted(day * RiskMonitor.DayMs, equity));
            }

            if (tracker.Observe(bar) is { } barReturn)
            {
                run.Decide(monitor, barReturn);
            }

            if (i % 5 == 0)
            {
                run.Decide(monitor, new EquityObserved(timeMs, equity));
            }

            // An operator lifts every loss halt an hour after it stands, so the baseline and the peak are rebased.
            foreach (var restriction in run.State.Restrictions)
            {
                if (restriction.Cause is HaltCause.DailyLoss or HaltCause.MaxDrawdown && timeMs - restriction.SinceMs >= 3_600_000)
                {
                    run.Decide(monitor, new ResumeTrading(timeMs, restriction.Symbol, "operator accepts the loss", restriction.Cause));
                    break;
                }
            }

            switch (i)
            {
                case 2_000:
                    run.Decide(monitor, new HaltTrading(timeMs, symbol, "news ahead", TradingState.Reducing));
                    break;
                case 2_100:
                    run.Decide(monitor, new ResumeTrading(timeMs, symbol, "news passed"));
                    break;
                case 3_000:
                    run.Decide(monitor, new CriticalErrorDetected(timeMs, HaltCause.UserStreamStale, "no user-stream event for 65 s"));
                    break;
                case 3_050:
                    run.Decide(monitor, new ResumeTrading(timeMs, null, "user stream back", HaltCause.UserStreamStale));
                    break;
                case 4_000:
                    run.Decide(monitor, new FundsTransferred(timeMs, 500m));
                    break;
                case 5_000:
                    run.Decide(monitor, new FlattenPositions(timeMs, symbol, "delisting announced"));
                    break;
                case 5_100:
                    run.Decide(monitor, new ResumeTrading(timeMs, symbol, "delisting cancelled"));
                    break;
                case 6_000:
                    run.Decide(monitor, new TimePassed(timeMs));
                    break;
            }
        }

        return run;
    }
}

/// <summary>A recorded risk-monitor run: the journal, the commands and the state after every decision that changed it.</summary>
public sealed class RiskRun
{
    /// <summary>The journal, in order.</summary>
    public List<IRiskEvent> Events { get; } = [];

    /// <summary>The commands, in order.</summary>
    public List<RiskCommand> Commands { get; } = [];

    /// <summary>The state after each decision that journaled something.</summary>
    public List<RiskState> States { get; } = [];

    /// <summary>The state now.</summary>
    public RiskState State { get; private set; } = RiskState.Empty;

    internal void Decide(RiskMonitor monitor, RiskInput input)
    {
        var decision = monitor.Decide(State, input);
        if (decision.Events.Count == 0)
        {
            return;
        }

        Events.AddRange(decision.Events);
        Commands.AddRange(decision.Commands);
        State = State.ApplyAll(decision.Events);
        States.Add(State);
    }
}
