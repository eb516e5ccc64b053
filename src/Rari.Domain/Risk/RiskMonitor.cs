using Rari.Domain.Strategies;

namespace Rari.Domain.Risk;

/// <summary>
/// The live protections: decides, for each input (equity, fills, a new day, bar returns, critical errors, operator
/// commands, the passing of time), which restrictions to impose or lift and which orders to cancel or positions to
/// close. <c>Decide(state, input) → (events, commands)</c>; the risk gate journals the events, folds them with
/// <see cref="RiskState.Apply"/>, then sends the commands. The backtester calls the same code.
/// </summary>
/// <remarks>
/// <para>Protections:</para>
/// <list type="bullet">
/// <item>Daily loss: equity at or below <c>baseline × (1 − MaxDailyLoss)</c> halts all new exposure, cancels resting
/// entries and (by default) closes every position. The baseline is the first equity of the UTC day; the halt lifts at the
/// next day unless <see cref="RiskSettings.DailyLossResetsAtNewDay"/> is off.</item>
/// <item>Drawdown: measured from the journaled equity peak; when <see cref="RiskSettings.MaxDrawdown"/> is set, reaching
/// it halts like the daily loss, until a manual resume.</item>
/// <item>Circuit breakers: a one-bar return beyond <see cref="RiskSettings.CircuitBreakerMove"/> or beyond
/// <see cref="RiskSettings.CircuitBreakerSigma"/> recent standard deviations puts the symbol into reducing for the
/// cool-down and cancels its resting entries; the breaker resets by itself at the first input after the cool-down.</item>
/// <item>Critical errors halt all trading with the reason until resumed.</item>
/// <item>Manual halt (or reducing), resume and flatten, globally or per symbol.</item>
/// </list>
/// <para>Pure and deterministic: no clock (every input carries its time), no state of its own. Inputs repeated (the same
/// error twice, a second reading below the limit) decide nothing new.</para>
/// </remarks>
public sealed partial class RiskMonitor
{
    /// <summary>One UTC day in milliseconds.</summary>
    public const long DayMs = 86_400_000;

    /// <summary>Creates a monitor with validated settings.</summary>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    public RiskMonitor(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings.Validated();
    }

    /// <summary>The limits.</summary>
    public RiskSettings Settings { get; }

    /// <summary>Decides what <paramref name="input"/> calls for, given <paramref name="state"/>; changes nothing itself.</summary>
    /// <exception cref="ArgumentException">The input is malformed (a critical error with a non-critical cause, a halt to Active).</exception>
    public RiskDecision Decide(RiskState state, RiskInput input)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);
        var decision = new Builder(state);
        ExpireBreakers(decision, input.TimestampMs);
        switch (input)
        {
            case EquityObserved equity:
                OnEquity(decision, equity.TimestampMs, equity.Equity);
                break;
            case FillObserved fill:
                OnEquity(decision, fill.TimestampMs, fill.Equity);
                break;
            case UtcDayStarted day:
                OnEquity(decision, day.TimestampMs, day.Equity);
                break;
            case BarReturnObserved bar:
                OnBarReturn(decision, bar);
                break;
            case CriticalErrorDetected error:
                OnCriticalError(decision, error);
                break;
            case HaltTrading halt:
                OnHalt(decision, halt);
                break;
            case ResumeTrading resume:
                OnResume(decision, resume);
                break;
            case FlattenPositions flatten:
                OnFlatten(decision, flatten);
                break;
            case FundsTransferred transfer when transfer.Amount != 0m:
                decision.Emit(new LossReferencesAdjusted(transfer.TimestampMs, transfer.Amount));
                break;
            case FundsTransferred or TimePassed:
                break;
            default:
                throw new ArgumentException($"The risk monitor does not know {input.GetType().Name}.", nameof(input));
        }

        return decision.Build();
    }

    /// <summary>Midnight UTC at or before <paramref name="timestampMs"/>.</summary>
    public static long DayStartOf(long timestampMs) => timestampMs - (((timestampMs % DayMs) + DayMs) % DayMs);

    private static void ExpireBreakers(Builder decision, long nowMs)
    {
        foreach (var breaker in decision.State.Breakers)
        {
            if (!breaker.IsActiveAt(nowMs))
            {
                decision.Emit(new CircuitBreakerReset(nowMs, breaker.Symbol, RiskText.Of(
                    $"cool-down over at {breaker.UntilMs}: entries in {breaker.Symbol} may resume")));
            }
        }
    }

    private void OnBarReturn(Builder decision, BarReturnObserved bar)
    {
        var move = Math.Abs(bar.Return);
        string? reason = null;
        if (Settings.CircuitBreakerMove is { } maxMove && move > maxMove)
        {
            reason = RiskText.Of(
                $"{bar.Symbol} moved {RiskText.Percent(bar.Return)} in one bar, beyond the {RiskText.Percent(maxMove)} limit");
        }
        else if (Settings.CircuitBreakerSigma is { } maxSigma && bar.RecentStdDev is > 0m and { } sigma && move > maxSigma * sigma)
        {
            reason = RiskText.Of(
                $"{bar.Symbol} moved {RiskText.Percent(bar.Return)} in one bar, {move / sigma}σ of the recent returns (σ {RiskText.Percent(sigma)}), beyond {maxSigma}σ");
        }

        if (reason is null)
        {
            return;
        }

        var until = bar.TimestampMs + Settings.CircuitBreakerCooldownMs;
        decision.Emit(new CircuitBreakerTripped(bar.TimestampMs, bar.Symbol, reason, until));
        decision.Send(new CancelEntryOrders(bar.Symbol, reason));
    }

    private static void OnCriticalError(Builder decision, CriticalErrorDetected error)
    {
        if (!HaltCauseText.IsCriticalError(error.Cause))
        {
            throw new ArgumentException(
                $"{error.Cause} is not a critical-error cause; use ExchangeFailures, AuthenticationFailure, ReconciliationMismatch or UserStreamStale.",
                nameof(error));
        }

        if (decision.State.IsRestricted(null, error.Cause))
        {
            return;
        }

        var reason = $"{HaltCauseText.Describe(error.Cause)}: {error.Detail}";
        decision.Emit(new TradingHalted(error.TimestampMs, null, error.Cause, TradingState.Halted, reason));
        decision.Send(new CancelEntryOrders(null, reason));
    }

    /// <summary>Collects a decision's events (folding each into a working state, so later steps see earlier ones) and commands.</summary>
    private sealed class Builder(RiskState state)
    {
        private List<IRiskEvent>? _events;
        private List<RiskCommand>? _commands;

        public RiskState State { get; private set; } = state;

        public void Emit(IRiskEvent riskEvent)
        {
            (_events ??= []).Add(riskEvent);
            State = State.Apply(riskEvent);
        }

        // One cancel or close per scope is enough, however many protections asked for it in this decision.
        public void Send(RiskCommand command)
        {
            _commands ??= [];
            foreach (var sent in _commands)
            {
                if (sent.GetType() == command.GetType() && sent.Symbol == command.Symbol)
                {
                    return;
                }
            }

            _commands.Add(command);
        }

        public RiskDecision Build() =>
            _events is null && _commands is null ? RiskDecision.None : new RiskDecision(_events ?? [], _commands ?? []);
    }
}
