using System.Globalization;

namespace Rari.Actors.Settings;

/// <summary>
/// How the strategy actors and their per-symbol supervisor run (HOCON block <c>rari.strategy-actors</c>): the warm-up
/// after a start, snapshots, the order sync with the gateway, the restart back-off of a failing strategy and when
/// repeated failures halt the symbol, and the market readings sent to the risk gate on every closed bar.
/// </summary>
/// <remarks>
/// Wall-clock durations (timeouts, intervals, back-offs) only pace the actors; no trading decision depends on them.
/// </remarks>
public sealed record StrategyActorSettings
{
    /// <summary>The defaults, which <c>hocon/rari.conf</c> repeats.</summary>
    public static StrategyActorSettings Default { get; } = new();

    /// <summary>
    /// Closed 1-minute klines fetched after every start to rebuild a strategy's market state; 0 skips the warm-up.
    /// Default 1800: the hybrid's regime detector needs 1695 with its defaults.
    /// </summary>
    public int WarmUpBars { get; init; } = 1_800;

    /// <summary>How long one warm-up fetch may take before it is abandoned and retried. Default 30 s.</summary>
    public TimeSpan WarmUpTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Fetches tried before the strategy trades without a warm-up (it then warms up on live bars). Default 3.</summary>
    public int WarmUpAttempts { get; init; } = 3;

    /// <summary>
    /// Closed klines and order events held while the strategy warms up and syncs, replayed in order once it trades; the
    /// oldest are dropped beyond it (the order sync recovers dropped order events). Default 10000.
    /// </summary>
    public int InputBuffer { get; init; } = 10_000;

    /// <summary>Journaled events between two snapshots of a strategy's state. Default 200.</summary>
    public int SnapshotEvery { get; init; } = 200;

    /// <summary>How often a trading strategy asks the gateway for the truth about its open orders. Default 5 minutes.</summary>
    public TimeSpan OrderSyncInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a strategy waits for the gateway's order reports before it asks again (with back-off). Default 30 s.</summary>
    public TimeSpan OrderSyncTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First delay before a failed warm-up fetch or an unanswered sync is retried; doubles up to <see cref="RetryBackoffMax"/>. Default 1 s.</summary>
    public TimeSpan RetryBackoffMin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between retries of a warm-up fetch or a sync. Default 1 minute.</summary>
    public TimeSpan RetryBackoffMax { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>First delay before a failed strategy actor is started again; doubles up to <see cref="RestartBackoffMax"/>. Default 2 s.</summary>
    public TimeSpan RestartBackoffMin { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest delay before a failed strategy actor is started again. Default 2 minutes.</summary>
    public TimeSpan RestartBackoffMax { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Random extra share added to each restart delay (0-1), so symbols that failed together do not restart together. Default 0.2.</summary>
    public double RestartRandomFactor { get; init; } = 0.2;

    /// <summary>Failures of a symbol's strategy within <see cref="FailureWindow"/> that halt the symbol. Default 5.</summary>
    public int MaxFailures { get; init; } = 5;

    /// <summary>The sliding window failures are counted in. Default 10 minutes.</summary>
    public TimeSpan FailureWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the supervisor waits for its strategy's (or a collaborator's) answer to a status query. Default 5 s.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Bar returns the standard deviation sent to the risk gate is measured over (its circuit breaker's spread). Default 60.</summary>
    public int ReturnWindow { get; init; } = 60;

    /// <summary>Log returns the annualised realized volatility sent to the risk gate is measured over. Default 60.</summary>
    public int VolatilityWindow { get; init; } = 60;

    /// <summary>Bars of the average true range sent to the risk gate. Default 14.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>
    /// The shortest time between two order books the supervisor passes on to the risk gate (its depth and slippage rules);
    /// the latest book wins, the ones in between are dropped. Default 1 s.
    /// </summary>
    public TimeSpan BookToRiskGateInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Every problem, one message per key (key, value, why); empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        Check(errors, WarmUpBars >= 0, "warm-up-bars", WarmUpBars, "must not be negative (0 skips the warm-up)");
        Check(errors, WarmUpTimeout > TimeSpan.Zero, "warm-up-timeout", WarmUpTimeout, "must be longer than 0");
        Check(errors, WarmUpAttempts >= 1, "warm-up-attempts", WarmUpAttempts, "must be at least 1");
        Check(errors, InputBuffer >= 1, "input-buffer", InputBuffer, "must be at least 1");
        Check(errors, SnapshotEvery >= 1, "snapshot-every", SnapshotEvery, "must be at least 1");
        Check(errors, OrderSyncInterval > TimeSpan.Zero, "order-sync-interval", OrderSyncInterval, "must be longer than 0");
        Check(errors, OrderSyncTimeout > TimeSpan.Zero, "order-sync-timeout", OrderSyncTimeout, "must be longer than 0");
        Check(errors, RetryBackoffMin > TimeSpan.Zero, "retry-backoff-min", RetryBackoffMin, "must be longer than 0");
        Check(errors, RetryBackoffMax >= RetryBackoffMin, "retry-backoff-max", RetryBackoffMax, "must not be shorter than retry-backoff-min");
        Check(errors, RestartBackoffMin > TimeSpan.Zero, "restart-backoff-min", RestartBackoffMin, "must be longer than 0");
        Check(errors, RestartBackoffMax >= RestartBackoffMin, "restart-backoff-max", RestartBackoffMax, "must not be shorter than restart-backoff-min");
        Check(errors, RestartRandomFactor is >= 0 and <= 1, "restart-random-factor", RestartRandomFactor, "must be in [0, 1]");
        Check(errors, MaxFailures >= 1, "max-failures", MaxFailures, "must be at least 1");
        Check(errors, FailureWindow > TimeSpan.Zero, "failure-window", FailureWindow, "must be longer than 0");
        Check(errors, AskTimeout > TimeSpan.Zero, "ask-timeout", AskTimeout, "must be longer than 0");
        Check(errors, ReturnWindow >= 2, "return-window", ReturnWindow, "must be at least 2");
        Check(errors, VolatilityWindow >= 2, "volatility-window", VolatilityWindow, "must be at least 2");
        Check(errors, AtrPeriod >= 1, "atr-period", AtrPeriod, "must be at least 1");
        Check(errors, BookToRiskGateInterval > TimeSpan.Zero, "book-to-risk-gate-interval", BookToRiskGateInterval, "must be longer than 0");
        return errors;
    }

    /// <summary>This record if it is valid.</summary>
    /// <exception cref="ArgumentException">Some value is invalid; the message lists every problem.</exception>
    public StrategyActorSettings Validated()
    {
        var errors = Validate();
        return errors.Count == 0 ? this : throw new ArgumentException("Invalid rari.strategy-actors: " + string.Join("; ", errors));
    }

    private static void Check(List<string> errors, bool valid, string key, object value, string reason)
    {
        if (!valid)
        {
            var text = value is TimeSpan duration ? ConfigText.Format(duration) : Convert.ToString(value, CultureInfo.InvariantCulture);
            errors.Add($"{key} = {text}: {reason}");
        }
    }
}
