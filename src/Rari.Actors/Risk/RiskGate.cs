using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Akka.Persistence;
using Rari.Actors.Audit;
using Rari.Actors.Execution;
using Rari.Actors.Hosting;
using Rari.Actors.Symbols;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Risk;

/// <summary>
/// The one gate every order intent passes (a cluster singleton, persistence id <c>risk-gate</c>): it judges each
/// <see cref="SubmitOrder"/> with the Domain's <see cref="RiskEngine"/> and runs the live protections of the Domain's
/// <see cref="RiskMonitor"/> — daily loss, drawdown, circuit breakers, critical errors and the operator's halt, resume
/// and flatten — journaling their decisions and sending their commands to the exchange gateway.
/// </summary>
/// <remarks>
/// <para>Messages in: <see cref="SubmitOrder"/>; <see cref="AccountChanged"/> (subscribed on <see cref="Topics.Account"/>);
/// the gateway's Domain order events (<see cref="OrderFilled"/>, <see cref="OrderCanceled"/>, <see cref="OrderExpired"/>,
/// <see cref="OrderRejected"/>, <see cref="OrderDenied"/>), <see cref="CriticalErrorDetected"/> and
/// <see cref="FundsTransferred"/>; from the gateway also <see cref="GatewayStatus"/> and <see cref="OpenEntryOrders"/>
/// (the answers to the <see cref="GetGatewayStatus"/> and <see cref="GetOpenEntryOrders"/> it asks after each start, so
/// it holds an account view and the resting entries before the next publication) and <see cref="OrderRateObserved"/> (for the order-rate
/// rule); <see cref="SymbolMarketObserved"/> (one bar), <see cref="SymbolMarketsObserved"/> (one symbol's bars of a
/// stream batch, judged one by one as if each had come alone) and <see cref="MarketData.OrderBookChanged"/> (depth and slippage rules,
/// used while younger than <see cref="RiskGateOptions.BookMaxAge"/>) from the symbols; the operator's
/// <see cref="HaltTrading"/>, <see cref="ResumeTrading"/> and <see cref="FlattenPositions"/> (answered with
/// <see cref="ControlResult"/>); <see cref="GetRiskStatus"/> (answered with <see cref="RiskStatus"/>);
/// <see cref="StopRiskGate"/>.</para>
/// <para>Messages out: <see cref="ApprovedOrder"/> and the Domain <see cref="RiskCommand"/>s to the gateway;
/// <see cref="OrderDenied"/> to the symbol region; <see cref="TradingStateChanged"/> published on
/// <see cref="Topics.TradingState"/> (the global state with a null symbol, each symbol's own state without the global
/// one: a symbol trades at the stricter of the two); an <see cref="AuditKind.Verdict"/> entry per order.</para>
/// <para>Only the monitor's events are journaled (folded by <see cref="RiskState.Apply"/>, live and on recovery alike);
/// commands leave after the write. Verdicts go to the audit trail, not the journal. The account view, marks and books
/// are market state, rebuilt from the next reports after a restart; the approved entries still resting are rebuilt from
/// the gateway's journal, which records every order (the question is repeated until the gateway answers).</para>
/// <para>Time is exchange time: the latest time carried by the account, order and market messages. Operator controls
/// and critical errors are stamped with it too, since the console's clock may belong to another era (test mode replays
/// 2025). The wall clock only paces the timer that lets cool-downs and the UTC day act when no input asks.</para>
/// </remarks>
public sealed partial class RiskGate : ReceivePersistentActor, IWithTimers
{
    /// <summary>The gate's persistence id: there is one gate per trader.</summary>
    public const string Id = "risk-gate";

    /// <summary>The props of the gate.</summary>
    /// <param name="settings">The limits (<c>rari.risk</c>).</param>
    /// <param name="assets">The per-asset table whose leverage is each asset's maximum (<c>rari.assets</c>).</param>
    /// <param name="catalog">The venue rules of every symbol the node may trade.</param>
    /// <param name="gateway">The exchange gateway: approved orders and risk commands go there.</param>
    /// <param name="symbols">The symbol shard region: denials go there.</param>
    /// <param name="mediator">The distributed pub-sub mediator.</param>
    /// <param name="audit">The order audit trail.</param>
    /// <param name="options">How the gate runs; <see cref="RiskGateOptions.Default"/> when null.</param>
    public static Props Props(
        RiskSettings settings,
        AssetProfileTable assets,
        SymbolCatalog catalog,
        IActorRef gateway,
        IActorRef symbols,
        IActorRef mediator,
        IAuditTrail audit,
        RiskGateOptions? options = null) =>
        Akka.Actor.Props.Create(() => new RiskGate(settings, assets, catalog, gateway, symbols, mediator, audit, options ?? RiskGateOptions.Default));

    private readonly RiskEngine _engine;
    private readonly RiskMonitor _monitor;
    private readonly SymbolCatalog _catalog;
    private readonly IActorRef _gateway;
    private readonly IActorRef _symbols;
    private readonly IActorRef _mediator;
    private readonly IAuditTrail _audit;
    private readonly RiskGateOptions _options;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly MarketReadings _readings;
    private readonly List<RiskInput> _marketInputs = new(2);
    private readonly OpenEntryBook _entries = new();
    private readonly RecentBooks _books;
    private readonly Dictionary<Symbol, TradingState> _publishedSymbols = [];
    private RiskState _state = RiskState.Empty;
    private TradingState? _publishedGlobal;
    private AccountView? _account;
    private long _nowMs;
    private int _eventsSinceSnapshot;
    private long _approved;
    private long _resized;
    private long _denied;

    /// <summary>Creates the gate; use <see cref="Props"/>.</summary>
    public RiskGate(
        RiskSettings settings,
        AssetProfileTable assets,
        SymbolCatalog catalog,
        IActorRef gateway,
        IActorRef symbols,
        IActorRef mediator,
        IAuditTrail audit,
        RiskGateOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(assets);
        _engine = RiskEngine.CreateDefault(settings, assets);
        _monitor = new RiskMonitor(settings);
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
        _symbols = symbols ?? throw new ArgumentNullException(nameof(symbols));
        _mediator = mediator ?? throw new ArgumentNullException(nameof(mediator));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _readings = new MarketReadings(options.CorrelationWindow);
        _books = new RecentBooks(options.BookMaxAge);
        Recovering();
        Trading();
    }

    /// <inheritdoc />
    public override string PersistenceId => Id;

    /// <summary>The actor's timers (set by Akka).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    private void Recovering()
    {
        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is RiskState state)
            {
                _state = state;
                _eventsSinceSnapshot = 0;
            }
        });
        Recover<IRiskEvent>(riskEvent =>
        {
            _state = _state.Apply(riskEvent);
            _eventsSinceSnapshot++;
        });
        Recover<RecoveryCompleted>(_ => OnRecovered());
    }

    private void Trading()
    {
        Command<SubmitOrder>(Judge);
        Command<AccountChanged>(OnAccount);
        Command<SymbolMarketObserved>(OnMarket);
        Command<SymbolMarketsObserved>(OnMarkets);
        Command<MarketData.OrderBookChanged>(book =>
        {
            Observe(book.EventTimeMs);
            _books.Observe(book);
        });
        Command<IOrderEvent>(OnOrderEvent);
        Command<CriticalErrorDetected>(OnCriticalError);
        Command<FundsTransferred>(OnFundsTransferred);
        Command<HaltTrading>(Control);
        Command<ResumeTrading>(Control);
        Command<FlattenPositions>(Control);
        Command<GetRiskStatus>(_ => Sender.Tell(new RiskStatus(_state, Equity, _approved, _resized, _denied)));
        Command<CheckTime>(_ => OnCheckTime());
        Command<SaveSnapshotSuccess>(saved => DeleteSnapshots(new SnapshotSelectionCriteria(saved.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failed => _log.Warning(failed.Cause, "Risk state snapshot at {SequenceNr} failed; recovery replays more events", failed.Metadata.SequenceNr));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failed => _log.Warning(failed.Cause, "Deleting older risk state snapshots failed"));
        Command<SubscribeAck>(_ => { });
        Command<StopRiskGate>(_ => Context.Stop(Self));
        VenueCommands();
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        base.PreStart();
        _mediator.Tell(new Subscribe(Topics.Account, Self));
    }

    /// <inheritdoc />
    /// <remarks>
    /// A rejected write (an event the journal cannot store) would leave a halt unrecorded and unenforced while the gate
    /// kept approving orders; stopping instead leaves no gate to approve anything until it is started again.
    /// </remarks>
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _log.Error(cause, "The journal rejected risk event {SequenceNr} ({Event}); the risk gate stops rather than trade on an unrecorded decision", sequenceNr, @event);
        Context.Stop(Self);
    }

    // Symbols that start later must learn a halt that outlived a restart: publish the recovered state, the global one
    // always and every restricted symbol's.
    private void OnRecovered()
    {
        _log.Info(
            "Risk gate recovered: global {GlobalState}, {Restrictions} restrictions, {Breakers} circuit breakers",
            _state.GlobalTradingState,
            _state.Restrictions.Length,
            _state.Breakers.Length);
        PublishTradingStates([], Math.Max(_nowMs, LatestJournaledTimeMs()), "recovered");
        Timers.StartPeriodicTimer(nameof(CheckTime), CheckTime.Instance, _options.TimeCheckInterval);
        AskOpenEntriesUntilAnswered();
    }

    // The time of the recovered state, for what is published before any input brings the exchange's time: a circuit
    // breaker then still counts, as it did when it was last journaled.
    private long LatestJournaledTimeMs()
    {
        var latest = Math.Max(_state.DayStartMs ?? 0, _state.PeakTimeMs);
        foreach (var restriction in _state.Restrictions)
        {
            latest = Math.Max(latest, restriction.SinceMs);
        }

        foreach (var breaker in _state.Breakers)
        {
            latest = Math.Max(latest, breaker.TrippedAtMs);
        }

        return latest;
    }

    private decimal Equity => _account?.Equity(_readings) ?? 0m;

    private void Observe(long exchangeTimeMs) => _nowMs = Math.Max(_nowMs, exchangeTimeMs);

    /// <summary>The wall-clock timer's tick: lets cool-downs end and the UTC day turn at the latest exchange time.</summary>
    private sealed record CheckTime
    {
        public static CheckTime Instance { get; } = new();
    }
}
