using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Rari.Actors.Audit;
using Rari.Actors.MarketData;
using Rari.Actors.Settings;
using Rari.Actors.Symbols;
using Rari.Domain.Identifiers;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Strategies;

/// <summary>
/// The persistent shell around one <see cref="ITradingStrategy"/> of one symbol: it turns inputs into calls on the
/// strategy, journals the decision's events, folds them with the same <see cref="ITradingStrategy.Apply"/> that
/// recovery uses, and only then sends the decision's commands. It decides nothing itself.
/// </summary>
/// <remarks>
/// <para><b>One implementation, three actors.</b> Grid, volatility and hybrid strategies keep the same contract, so
/// everything lives here and <see cref="GridActor"/>, <see cref="VolatilityActor"/> and <see cref="RegimeArbiter"/> only
/// say which strategy they host and under which journal (<c>grid-SYMBOL</c>, <c>volatility-SYMBOL</c>,
/// <c>hybrid-SYMBOL</c>). Distinct sealed types keep logs, paths and Props honest about what runs.</para>
/// <para><b>Life</b> (one method per behaviour):</para>
/// <list type="number">
/// <item><see cref="StrategyStage.Recovering"/>: the snapshot is restored, later events applied.</item>
/// <item><see cref="StrategyStage.WarmingUp"/>: recent closed klines from <see cref="IKlineHistory"/> rebuild the market
/// state (never journaled). Closed klines and order events arriving meanwhile are buffered in order (bounded, the oldest
/// dropped beyond <see cref="StrategyActorSettings.InputBuffer"/>); only the latest book ticker is kept.</item>
/// <item><see cref="StrategyStage.Syncing"/>: the gateway reports on the orders the strategy holds as open
/// (<see cref="Execution.GetOrderReports"/>); the reports become order events (<see cref="OrderReportEvents"/>), handled
/// before the buffered inputs. Bars the warm-up already covered are skipped by open time. If the gateway does not answer
/// in time, the actor trades anyway and keeps asking with back-off, so market data is never held back for long.</item>
/// <item><see cref="StrategyStage.Trading"/>: every input is decided at once (the klines of a <see cref="KlinesClosed"/> one
/// by one, in order, as if each had come alone); the order sync repeats periodically.</item>
/// </list>
/// <para><b>A decision</b>: its events are persisted with <c>PersistAll</c> (no new message is taken until they are
/// written and applied), then its commands go out: <see cref="PlaceOrder"/> to the risk gate as
/// <see cref="Risk.SubmitOrder"/> (with the downside from <see cref="RiskRequests"/>) and to the audit trail as an
/// <see cref="AuditKind.Intent"/>; <see cref="CancelOrder"/> straight to the exchange gateway. A decision with commands
/// but no events sends them at once. Inputs that arrive while a decision is persisted wait, so decisions never
/// interleave. Every <see cref="StrategyActorSettings.SnapshotEvery"/> events the state is snapshotted and older
/// snapshots deleted.</para>
/// <para><b>Context</b> (<see cref="StrategyContext"/>): the symbol's setup (instrument, leverage, fees), the latest
/// <see cref="Execution.AccountChanged"/> (equity, available balance, the symbol's summed position), the effective trading
/// state (the stricter of the risk gate's global and symbol states, and Reducing while market data is stale), the mark
/// price (the last close until a mark arrives) and no book; its time is the input's market time. Until an account view
/// arrives, closed klines only feed the market state: no decision is made on an unknown account.</para>
/// <para><b>Failures</b>: a journal write that fails or is rejected sends nothing of its decision; the actor tells its
/// owner (<see cref="StrategyFailed"/>) and stops, and its back-off supervisor starts it again, which recovers, warms up
/// and syncs. A journal that cannot be replayed is reported as fatal.</para>
/// </remarks>
public abstract partial class StrategyActor : ReceivePersistentActor, IWithTimers
{
    /// <summary>Length of the bars the strategies trade (1-minute klines); a bar's close time is its open time plus this.</summary>
    public const long BarMs = 60_000;

    /// <summary>
    /// The Props of the strategy actor that runs <paramref name="kind"/>: <see cref="GridActor"/>,
    /// <see cref="VolatilityActor"/> or <see cref="RegimeArbiter"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The kind is unknown.</exception>
    public static Props PropsFor(StrategyKind kind, StrategyActorWiring wiring) => kind switch
    {
        StrategyKind.Grid => GridActor.Props(wiring),
        StrategyKind.Volatility => VolatilityActor.Props(wiring),
        StrategyKind.Hybrid => RegimeArbiter.Props(wiring),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only grid, volatility and hybrid strategies have an actor."),
    };

    /// <summary>The journal prefix of the actor hosting <paramref name="kind"/>: <c>grid</c>, <c>volatility</c> or <c>hybrid</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The kind is unknown.</exception>
    public static string PersistenceKindOf(StrategyKind kind) => kind switch
    {
        StrategyKind.Grid => GridActor.PersistenceKind,
        StrategyKind.Volatility => VolatilityActor.PersistenceKind,
        StrategyKind.Hybrid => RegimeArbiter.PersistenceKind,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only grid, volatility and hybrid strategies have an actor."),
    };

    /// <summary>The persistence id <c>{kind}-{SYMBOL}</c>, e.g. <c>grid-ETHUSDT</c>.</summary>
    public static string PersistenceIdOf(string persistenceKind, Symbol symbol) => $"{persistenceKind}-{symbol}";

    private readonly ITradingStrategy _strategy;
    private readonly SymbolSetup _setup;
    private readonly IKlineHistory _history;
    private readonly IActorRef _riskGate;
    private readonly IActorRef _gateway;
    private readonly IActorRef _owner;
    private readonly IAuditTrail _audit;
    private readonly StrategyActorSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private StrategyStage _stage = StrategyStage.Recovering;
    private bool _failed;
    private bool _folding;

    /// <summary>Creates the shell around a fresh strategy of <paramref name="kind"/>, journaled as <c>{persistenceKind}-{SYMBOL}</c>.</summary>
    /// <param name="persistenceKind">The journal's prefix: <c>grid</c>, <c>volatility</c> or <c>hybrid</c>.</param>
    /// <param name="kind">Which strategy to host.</param>
    /// <param name="wiring">The symbol's venue facts, the settings and the collaborators.</param>
    protected StrategyActor(string persistenceKind, StrategyKind kind, StrategyActorWiring wiring)
    {
        ArgumentException.ThrowIfNullOrEmpty(persistenceKind);
        ArgumentNullException.ThrowIfNull(wiring);
        var setup = wiring.Setup ?? throw new ArgumentException("The wiring has no symbol setup.", nameof(wiring));
        ArgumentNullException.ThrowIfNull(wiring.Strategies, nameof(wiring));
        _setup = setup;
        _history = wiring.History ?? throw new ArgumentException("The wiring has no kline history.", nameof(wiring));
        _riskGate = wiring.RiskGate ?? throw new ArgumentException("The wiring has no risk gate.", nameof(wiring));
        _gateway = wiring.Gateway ?? throw new ArgumentException("The wiring has no gateway.", nameof(wiring));
        _owner = wiring.Owner ?? throw new ArgumentException("The wiring has no owner.", nameof(wiring));
        _audit = wiring.Audit ?? throw new ArgumentException("The wiring has no audit trail.", nameof(wiring));
        _settings = (wiring.Settings ?? throw new ArgumentException("The wiring has no settings.", nameof(wiring))).Validated();
        _strategy = wiring.Strategies.Create(kind, setup.Symbol);
        PersistenceId = PersistenceIdOf(persistenceKind, setup.Symbol);
        Recovering();
        WarmingUp();
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <summary>The actor's timers (sync, retries), set by Akka.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    private Symbol Symbol => _setup.Symbol;

    private void Recovering()
    {
        // _folding stays true only when folding throws: such a journal fails the same way on every restart.
        Recover<SnapshotOffer>(offer =>
        {
            _folding = true;
            _strategy.Restore((IStrategyState)offer.Snapshot);
            _folding = false;
            _snapshotSequenceNr = offer.Metadata.SequenceNr;
        });
        Recover<IStrategyEvent>(strategyEvent =>
        {
            _folding = true;
            _strategy.Apply(strategyEvent);
            _folding = false;
        });
        Recover<RecoveryCompleted>(_ =>
        {
            _log.Info(
                "{PersistenceId} recovered at sequence {SequenceNr} with {OpenOrders} open order(s); warming up",
                PersistenceId,
                LastSequenceNr,
                _strategy.OpenOrders.Count);
            _stage = StrategyStage.WarmingUp;
            FetchWarmUp();
        });
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        // A new incarnation knows no account, trading state or staleness: the owner sends them (stashed until recovered).
        _owner.Tell(new StrategyStarted(Symbol, _strategy.Id));
        base.PreStart();
    }

    /// <inheritdoc />
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        ReportFailure($"the journal failed to write {@event?.GetType().Name} at {sequenceNr}: {cause?.Message}", fatal: false);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    /// <inheritdoc />
    /// <remarks>Akka keeps a persistent actor running after a rejection; this one stops, so the rejected decision's
    /// commands are never sent and a fresh incarnation resumes from what the journal holds.</remarks>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        ReportFailure($"the journal rejected {@event?.GetType().Name} at {sequenceNr}: {cause?.Message}", fatal: false);
        base.OnPersistRejected(cause, @event, sequenceNr);
        Context.Stop(Self);
    }

    /// <inheritdoc />
    protected override void OnRecoveryFailure(Exception reason, object? message = null)
    {
        // A snapshot or event that cannot be folded fails the same way on every restart; a journal that could not be
        // read may work next time.
        ReportFailure($"recovery failed{(message is null ? string.Empty : $" on {message.GetType().Name}")}: {reason?.Message}", fatal: _folding);
        base.OnRecoveryFailure(reason!, message);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _log.Info("{PersistenceId} stopped at sequence {SequenceNr} ({Stage})", PersistenceId, LastSequenceNr, _stage);
        base.PostStop();
    }

    private void ReportFailure(string reason, bool fatal)
    {
        if (_failed)
        {
            return;
        }

        _failed = true;
        _log.Error("{PersistenceId} stops: {Reason}; nothing of the decision being written is sent", PersistenceId, reason);
        _owner.Tell(new StrategyFailed(Symbol, $"{PersistenceId}: {reason}", fatal));
    }

    private TimeSpan Backoff(int attempt)
    {
        var min = _settings.RetryBackoffMin;
        var max = _settings.RetryBackoffMax;
        var factor = Math.Pow(2, Math.Min(Math.Max(attempt - 1, 0), 30));
        var delay = min.TotalMilliseconds * factor;
        return delay >= max.TotalMilliseconds ? max : TimeSpan.FromMilliseconds(delay);
    }

    /// <summary>The warm-up klines arrived.</summary>
    private sealed record WarmUpLoaded(IReadOnlyList<Domain.Market.Kline> Klines);

    /// <summary>The warm-up fetch failed or timed out.</summary>
    private sealed record WarmUpFailed(Exception Cause);

    /// <summary>Fetch the warm-up klines again.</summary>
    private sealed record RetryWarmUp
    {
        public static RetryWarmUp Instance { get; } = new();
    }

    /// <summary>Time for the periodic order sync.</summary>
    private sealed record SyncTick
    {
        public static SyncTick Instance { get; } = new();
    }

    /// <summary>The gateway did not answer sync request <paramref name="Request"/> in time.</summary>
    private sealed record SyncTimedOut(long Request);

    /// <summary>Ask the gateway again after a timeout.</summary>
    private sealed record RetrySync
    {
        public static RetrySync Instance { get; } = new();
    }
}
