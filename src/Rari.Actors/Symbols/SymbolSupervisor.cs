using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Rari.Actors.Audit;
using Rari.Actors.Execution;
using Rari.Actors.Hosting;
using Rari.Actors.MarketData;
using Rari.Actors.Risk;
using Rari.Actors.Settings;
using Rari.Actors.Strategies;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Symbols;

/// <summary>
/// The supervisor of one traded symbol, a cluster-sharded entity (entity id = the symbol, shard type
/// <see cref="SymbolSharding.TypeName"/>): it owns the symbol's strategy actor, feeds it, and decides what happens when
/// it keeps failing.
/// </summary>
/// <remarks>
/// <para><b>Child.</b> One strategy actor for the node's mode (<c>rari run grid|volatility|hybrid</c>):
/// <see cref="GridActor"/>, <see cref="VolatilityActor"/> or <see cref="RegimeArbiter"/>, wrapped in a
/// <see cref="Akka.Pattern.BackoffSupervisor"/> because a persistent actor stops (rather than throws) when its journal
/// fails. It starts with the supervisor when the symbol is in the <see cref="SymbolCatalog"/>;
/// <see cref="StartSymbol"/> only makes sure of it (idempotent).</para>
/// <para><b>Supervision</b> (declared here, applied by the back-off supervisor): every exception stops the child
/// (<see cref="Directive.Stop"/>), and the back-off supervisor starts it again after
/// <see cref="StrategyActorSettings.RestartBackoffMin"/>, doubling up to the maximum; the new incarnation recovers, warms
/// up and syncs its orders. Exceptions and journal failures (<see cref="StrategyFailed"/>) are counted in a sliding
/// window; <see cref="StrategyActorSettings.MaxFailures"/> within <see cref="StrategyActorSettings.FailureWindow"/>, or
/// one journal that cannot be replayed, halt the symbol: the child is stopped, the risk gate is told
/// <see cref="Domain.Risk.HaltTrading"/> (it cancels the symbol's entry orders), <see cref="SymbolStatus.IsHalted"/>
/// reads true, and only an explicit <see cref="ResumeSymbol"/> trades again.</para>
/// <para><b>Routing.</b> Market data (<see cref="KlineClosed"/>, <see cref="BookTickerChanged"/>,
/// <see cref="MarkPriceChanged"/>, <see cref="MarketDataStale"/>, <see cref="MarketDataResumed"/>), the account
/// (<see cref="Topics.Account"/>) and trading states (<see cref="Topics.TradingState"/>) go to the child; order events and
/// order reports go to it when the strategy id in the client order id is one of the mode's (hybrid: <c>hybrid</c>,
/// <c>hgrid</c> and <c>hvol</c> all belong to the regime arbiter); others are logged and dropped. A new incarnation of the
/// child is sent the latest account, trading states, staleness and mark as soon as it says it started
/// (<see cref="StrategyStarted"/>).</para>
/// <para><b>Delivery.</b> Everything for the strategy goes straight to the incarnation that announced itself, not through
/// the back-off supervisor (one mailbox fewer per market event); the supervisor watches it. Until an incarnation
/// announces itself, and from its death until the next one does, closed klines, order events and order reports are held
/// in order (at most <see cref="StrategyActorSettings.InputBuffer"/>, the oldest dropped) with the latest book ticker and
/// book, and sent to the next incarnation before anything newer: inputs take one path at a time, so none overtakes
/// another, and none is sent twice. Bars lost in a dying incarnation's mailbox are fetched again by the next one's warm-up
/// (it skips bars it already covers by open time).</para>
/// <para><b>Risk readings.</b> Every closed bar becomes a <see cref="SymbolMarketObserved"/> for the risk gate
/// (<see cref="MarketObserver"/>: bar return, spread of recent returns, realized volatility, ATR), halted or not; the
/// readings of one <see cref="KlinesClosed"/> go in one <see cref="SymbolMarketsObserved"/> when there are several, so
/// the single risk gate's mailbox takes one message per symbol per stream batch.</para>
/// <para><b>Start-up.</b> Subscribes to the topics, asks the gateway for the current account and the risk gate for the
/// current trading states (published views only arrive on change), retrying with back-off until answered, and
/// warms the market readings up from recent klines.</para>
/// </remarks>
public sealed partial class SymbolSupervisor : ReceiveActor, IWithTimers
{
    /// <summary>The name of the back-off supervisor that wraps the strategy actor.</summary>
    public const string ChildName = "strategy";

    /// <summary>The supervisor's Props; collaborators come in here, never by path.</summary>
    /// <param name="symbol">The symbol (the entity id).</param>
    /// <param name="mode">Which strategy the node runs (<c>rari run &lt;mode&gt;</c>).</param>
    /// <param name="catalog">The venue facts of every symbol the node may trade.</param>
    /// <param name="strategies">The strategies' settings and factory.</param>
    /// <param name="history">Recent closed klines (the strategy's warm-up and the readings').</param>
    /// <param name="riskGate">The risk gate (singleton proxy): orders, readings, halts.</param>
    /// <param name="gateway">The exchange gateway (singleton proxy): cancels, order reports, the start-up account.</param>
    /// <param name="mediator">The distributed pub-sub mediator, to subscribe to the account and trading-state topics.</param>
    /// <param name="audit">The order audit trail.</param>
    /// <param name="settings"><c>rari.strategy-actors</c>.</param>
    /// <param name="time">The wall clock for the failure window; the system clock when null.</param>
    public static Props Props(
        Symbol symbol,
        StrategyKind mode,
        SymbolCatalog catalog,
        StrategySet strategies,
        IKlineHistory history,
        IActorRef riskGate,
        IActorRef gateway,
        IActorRef mediator,
        IAuditTrail audit,
        StrategyActorSettings settings,
        TimeProvider? time = null) =>
        Akka.Actor.Props.Create(() => new SymbolSupervisor(symbol, mode, catalog, strategies, history, riskGate, gateway, mediator, audit, settings, time));

    /// <summary>The shard region's entity factory: the supervisor of the symbol named by the entity id.</summary>
    /// <param name="mode">Which strategy the node runs.</param>
    /// <param name="catalog">The venue facts of every symbol the node may trade.</param>
    /// <param name="strategies">The strategies' settings and factory.</param>
    /// <param name="history">Recent closed klines.</param>
    /// <param name="riskGate">The risk gate.</param>
    /// <param name="gateway">The exchange gateway.</param>
    /// <param name="mediator">The distributed pub-sub mediator.</param>
    /// <param name="audit">The order audit trail.</param>
    /// <param name="settings"><c>rari.strategy-actors</c>.</param>
    /// <param name="time">The wall clock; the system clock when null.</param>
    public static Func<string, Props> EntityProps(
        StrategyKind mode,
        SymbolCatalog catalog,
        StrategySet strategies,
        IKlineHistory history,
        IActorRef riskGate,
        IActorRef gateway,
        IActorRef mediator,
        IAuditTrail audit,
        StrategyActorSettings settings,
        TimeProvider? time = null) =>
        entityId => Props(new Symbol(entityId), mode, catalog, strategies, history, riskGate, gateway, mediator, audit, settings, time);

    /// <summary>The strategy ids whose orders the mode's strategy actor owns (the hybrid's own and its children's).</summary>
    public static StrategyId[] OwnedStrategies(StrategyKind mode) => mode switch
    {
        StrategyKind.Grid => [StrategySet.GridId],
        StrategyKind.Volatility => [StrategySet.VolatilityId],
        StrategyKind.Hybrid => [StrategySet.HybridId, StrategySet.HybridGridId, StrategySet.HybridVolatilityId],
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Only grid, volatility and hybrid modes run strategies."),
    };

    private readonly Symbol _symbol;
    private readonly StrategyKind _mode;
    private readonly SymbolSetup? _setup;
    private readonly StrategySet _strategies;
    private readonly IKlineHistory _history;
    private readonly IActorRef _riskGate;
    private readonly IActorRef _gateway;
    private readonly IActorRef _mediator;
    private readonly IAuditTrail _audit;
    private readonly StrategyActorSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly MarketObserver _observer;
    private readonly ClientOrderIdFactory _ids;
    private readonly StrategyId[] _owned;

    /// <summary>Creates the supervisor; see <see cref="Props"/>.</summary>
    /// <param name="symbol">The symbol (the entity id).</param>
    /// <param name="mode">Which strategy the node runs.</param>
    /// <param name="catalog">The venue facts of every symbol the node may trade.</param>
    /// <param name="strategies">The strategies' settings and factory.</param>
    /// <param name="history">Recent closed klines (the strategy's warm-up and the readings').</param>
    /// <param name="riskGate">The risk gate.</param>
    /// <param name="gateway">The exchange gateway.</param>
    /// <param name="mediator">The distributed pub-sub mediator.</param>
    /// <param name="audit">The order audit trail.</param>
    /// <param name="settings">Restart, halt, warm-up, sync and reading settings.</param>
    /// <param name="time">The wall clock for the failure window and seeds; the system clock when null.</param>
    public SymbolSupervisor(
        Symbol symbol,
        StrategyKind mode,
        SymbolCatalog catalog,
        StrategySet strategies,
        IKlineHistory history,
        IActorRef riskGate,
        IActorRef gateway,
        IActorRef mediator,
        IAuditTrail audit,
        StrategyActorSettings settings,
        TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _symbol = symbol;
        _mode = mode;
        _setup = catalog.Symbols.TryGetValue(symbol, out var setup) ? setup : null;
        _strategies = strategies ?? throw new ArgumentNullException(nameof(strategies));

        // The strategies make their ids with this prefix; order events are routed by parsing them back.
        _ids = new ClientOrderIdFactory(strategies.ClientOrderIdPrefix);
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _riskGate = riskGate ?? throw new ArgumentNullException(nameof(riskGate));
        _gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
        _mediator = mediator ?? throw new ArgumentNullException(nameof(mediator));
        _audit = audit ?? throw new ArgumentNullException(nameof(audit));
        _settings = (settings ?? throw new ArgumentNullException(nameof(settings))).Validated();
        _time = time ?? TimeProvider.System;
        _observer = new MarketObserver(symbol, _settings.ReturnWindow, _settings.VolatilityWindow, _settings.AtrPeriod, StrategyActor.BarMs);
        _owned = OwnedStrategies(mode);
        Supervising();
    }

    /// <summary>The actor's timers (seed retries), set by Akka.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    // Trading: everything reaches the strategy.
    private void Supervising()
    {
        Receive<IOrderEvent>(RouteOrderEvent);
        Receive<OrderReports>(RouteReports);
        Receive<StartSymbol>(_ => StartChild());
        Receive<ResumeSymbol>(_ => Sender.Tell(new ControlResult(false, $"{_symbol} is not halted; nothing to resume.")));
        CommonReceives();
    }

    // Halted by repeated failures: the strategy is stopped, the readings go on, nothing else reaches a strategy until
    // an operator resumes the symbol.
    private void Halted()
    {
        Receive<IOrderEvent>(orderEvent =>
            _log.Info("{Symbol} is halted; order event {Kind} of {ClientOrderId} not delivered", _symbol, orderEvent.Kind, orderEvent.ClientOrderId));
        Receive<OrderReports>(_ => { });
        Receive<StartSymbol>(_ => _log.Info("{Symbol} is halted ({Reason}); send ResumeSymbol to start it again", _symbol, _haltReason));
        Receive<ResumeSymbol>(OnResume);
        CommonReceives();
    }

    private void CommonReceives()
    {
        Receive<KlineClosed>(OnKline);
        Receive<KlinesClosed>(OnKlines);
        Receive<BookTickerChanged>(ticker =>
        {
            if (ticker.Symbol == _symbol)
            {
                Deliver(ticker);
            }
        });
        Receive<MarkPriceChanged>(OnMarkPrice);
        Receive<OrderBookChanged>(OnOrderBook);
        Receive<FlushBookToGate>(_ => SendBookToGate());
        Receive<MarketDataStale>(OnStale);
        Receive<MarketDataResumed>(OnResumed);
        Receive<AccountChanged>(OnAccount);
        Receive<TradingStateChanged>(OnTradingState);
        Receive<StrategyStarted>(OnChildStarted);
        Receive<StrategyFailed>(OnChildFailed);
        Receive<GetSymbolStatus>(_ => ReplyStatus());
        Receive<StopSymbol>(_ => StopGracefully());
        Receive<Terminated>(OnTerminated);
        Receive<AccountSeeded>(OnAccountSeeded);
        Receive<RiskSeeded>(OnRiskSeeded);
        Receive<SeedFailed>(OnSeedFailed);
        Receive<RetrySeed>(OnRetrySeed);
        Receive<ReadingsHistory>(history => _observer.WarmUp(history.Klines));
        Receive<ReadingsHistoryFailed>(failed =>
            _log.Warning("{Symbol}: no history for the risk readings ({Reason}); they fill from live bars", _symbol, failed.Cause.Message));
        Receive<SubscribeAck>(_ => { });
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        _mediator.Tell(new Subscribe(Topics.Account, Self));
        _mediator.Tell(new Subscribe(Topics.TradingState, Self));
        SeedAccount();
        SeedRisk();
        FetchReadingsHistory();
        if (_setup is null)
        {
            _log.Error("{Symbol} is not in the symbol catalog; no strategy runs for it (add it to the traded symbols)", _symbol);
        }

        StartChild();
    }

    /// <inheritdoc />
    protected override void PostStop() => _log.Info("{Symbol} supervisor stopped", _symbol);

    private void RouteOrderEvent(IOrderEvent orderEvent)
    {
        if (orderEvent.Symbol != _symbol)
        {
            return;
        }

        if (Owns(orderEvent.ClientOrderId))
        {
            Deliver(orderEvent);
        }
        else
        {
            _log.Warning(
                "{Symbol}: order event {Kind} of {ClientOrderId} belongs to no {Mode} strategy of this symbol; ignored",
                _symbol,
                orderEvent.Kind,
                orderEvent.ClientOrderId,
                _mode);
        }
    }

    private void RouteReports(OrderReports reports)
    {
        if (reports.Symbol == _symbol && IsOwned(reports.StrategyId))
        {
            Deliver(reports);
        }
    }

    private bool Owns(ClientOrderId id) => _ids.TryParse(id, out var parts) && parts.IsFor(_symbol) && IsOwned(parts.StrategyId);

    private bool IsOwned(StrategyId id)
    {
        foreach (var owned in _owned)
        {
            if (owned == id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The gateway's account view at start.</summary>
    private sealed record AccountSeeded(AccountChanged? Account);

    /// <summary>The risk gate's state at start.</summary>
    private sealed record RiskSeeded(RiskStatus Status);

    /// <summary>A start-up question went unanswered.</summary>
    private sealed record SeedFailed(bool Account, Exception Cause);

    /// <summary>Ask a start-up question again.</summary>
    private sealed record RetrySeed(bool Account);

    /// <summary>Recent klines for the risk readings.</summary>
    private sealed record ReadingsHistory(IReadOnlyList<Domain.Market.Kline> Klines);

    /// <summary>The readings' history could not be fetched.</summary>
    private sealed record ReadingsHistoryFailed(Exception Cause);
}
