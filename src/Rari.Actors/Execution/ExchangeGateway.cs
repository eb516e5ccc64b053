using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Akka.Persistence;
using Rari.Actors.Audit;
using Rari.Actors.Hosting;
using Rari.Actors.Settings;
using Rari.Actors.Symbols;
using Rari.Aster.Rest;
using Rari.Aster.Streams;
using Rari.Domain.Execution;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;

namespace Rari.Actors.Execution;

/// <summary>
/// The one actor that talks to the exchange for an account: it journals every order before it is sent, submits it
/// exactly once per client order id, cancels, owns the user data stream, routes order events to the symbols and the
/// risk gate, reconciles its journal with the exchange on every start, after every stream gap and whenever the stream
/// has been silent for <see cref="GatewaySettings.UserStreamStaleAfter"/> (a stalled stream sends no disconnect), and
/// arms the exchange's dead-man's switch while it is healthy.
/// </summary>
/// <remarks>
/// <para><b>Never lose, never double.</b> <see cref="SubmissionStarted"/> is journaled before the request leaves; a
/// client order id the journal knows (in any status) or declared lost is never sent again. An outcome the client could
/// not establish is resolved only by querying the client order id, never by sending again.</para>
/// <para><b>Bounded.</b> The journal's state keeps open orders and only the newest
/// <see cref="GatewaySettings.RetainedEndedOrders"/> ended ones (<see cref="GatewayState"/>); a dropped id, and any older
/// one of its strategy and symbol, is refused by a sequence watermark, and its report is asked of the venue.</para>
/// <para><b>Behaviours.</b> Recovering (journal replay) → Reconciling (orders, cancels and reports stashed, up to
/// <see cref="GatewaySettings.StashCapacity"/>) → Trading; Stopping after <see cref="StopGateway"/>. The decisions are
/// the Domain's: <see cref="Order.Apply"/> for every order event, <see cref="Reconciler"/> for every comparison with the
/// venue, <see cref="FlattenPlanner"/> for closes.</para>
/// <para><b>Sends:</b> Domain <see cref="IOrderEvent"/>s (accepted, rejected, filled, cancelled, expired, cancel
/// rejected, denied) to the symbol shard region and the risk gate, and published on <see cref="Topics.OrderEvents"/>;
/// <see cref="AccountChanged"/> published on <see cref="Topics.Account"/>; <see cref="CriticalErrorDetected"/> (and
/// <see cref="ResumeTrading"/> once a stale stream is back) to the risk gate; every step to the audit trail.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "An actor is never disposed; PostStop cancels and disposes the token source.")]
public sealed partial class ExchangeGateway : ReceivePersistentActor, IWithTimers
{
    private readonly GatewaySettings _settings;
    private readonly AsterRestClient _rest;
    private readonly Func<AsterUserStream> _streamFactory;
    private readonly IActorRef _symbols;
    private readonly IActorRef _riskGate;
    private readonly IActorRef _mediator;
    private readonly IAuditTrail _audit;
    private readonly SymbolCatalog _catalog;
    private readonly ClientOrderIdFactory _ids;
    private readonly GatewayState _state;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly CancellationTokenSource _stop = new();

    // Submissions whose REST call or resolution is under way, cancels under way, and cancels waiting for an acknowledgement.
    private readonly HashSet<ClientOrderId> _inFlight = [];
    private readonly HashSet<ClientOrderId> _cancelsInFlight = [];
    private readonly Dictionary<ClientOrderId, string> _cancelWanted = [];
    private readonly HashSet<HaltCause> _reported = [];

    // Positions (symbol, side) with a fill since the last ACCOUNT_UPDATE for fills: that update omits those it closed.
    private readonly HashSet<(Symbol Symbol, PositionSide Side)> _tradedSinceAccountUpdate = [];

    private AsterUserStream? _stream;
    private AccountChanged? _account;
    private bool _reconciled;
    private bool _reconciling;
    private bool _reconcileAgain;
    private bool _streamConnected;
    private bool _stopping;
    private int _reconcileAttempt;
    private int _consecutiveFailures;
    private int _stashed;
    private long _lastVenueTimeMs;
    private long _accountRevision;
    private long _eventsSinceSnapshot;
    private long _submitted;
    private long _rejected;
    private long _unknownOutcomes;

    /// <summary>Creates the gateway; prefer <see cref="Props"/>.</summary>
    /// <param name="settings">The <c>rari.gateway</c> settings.</param>
    /// <param name="rest">The account's REST client (one rate-limit budget for the process).</param>
    /// <param name="userStream">Makes the account's user data stream; called once per incarnation, after recovery.</param>
    /// <param name="symbols">The symbol shard region: order events go there, routed by symbol.</param>
    /// <param name="riskGate">The risk gate: order events, critical errors.</param>
    /// <param name="mediator">The distributed pub-sub mediator.</param>
    /// <param name="audit">The order audit trail.</param>
    /// <param name="catalog">The traded symbols with their instruments.</param>
    /// <param name="account">The account's name; the persistence id is <c>gateway-{account}</c>.</param>
    public ExchangeGateway(
        GatewaySettings settings,
        AsterRestClient rest,
        Func<AsterUserStream> userStream,
        IActorRef symbols,
        IActorRef riskGate,
        IActorRef mediator,
        IAuditTrail audit,
        SymbolCatalog catalog,
        string account)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _rest = rest ?? throw new ArgumentNullException(nameof(rest));
        _streamFactory = userStream ?? throw new ArgumentNullException(nameof(userStream));
        _symbols = symbols;
        _riskGate = riskGate;
        _mediator = mediator;
        _audit = audit ?? NoAuditTrail.Instance;
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        _ids = new ClientOrderIdFactory(settings.ClientOrderIdPrefix);
        _state = new GatewayState(_ids, settings.RetainedEndedOrders);
        PersistenceId = "gateway-" + account;
        Recovering();
        Reconciling();
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <summary>The actor's timers (the dead-man's switch, retries, the stream watchdog).</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The props of a gateway; see the constructor for the arguments.</summary>
    public static Props Props(
        GatewaySettings settings,
        AsterRestClient rest,
        Func<AsterUserStream> userStream,
        IActorRef symbols,
        IActorRef riskGate,
        IActorRef mediator,
        IAuditTrail audit,
        SymbolCatalog catalog,
        string account) =>
        Akka.Actor.Props.Create(() => new ExchangeGateway(settings, rest, userStream, symbols, riskGate, mediator, audit, catalog, account));

    private void Recovering()
    {
        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is GatewaySnapshot snapshot)
            {
                _state.Restore(snapshot);
            }
        });
        Recover<IGatewayEvent>(e => _state.Apply(e));
        Recover<IOrderEvent>(e => _state.Apply(e));
        Recover<RecoveryCompleted>(_ =>
        {
            _log.Info("Gateway {0} recovered {1} order(s), {2} open; reconciling with the exchange", PersistenceId, _state.Count, _state.OpenOrders.Count());
            StartStream();
            StartReconciliation();
            Timers.StartPeriodicTimer(nameof(CheckOrderRate), CheckOrderRate.Instance, _settings.OrderRateReportInterval);
        });
    }

    private void Trading()
    {
        Command<ApprovedOrder>(OnApproved);
        Command<CancelOrder>(cancel => RequestCancel(cancel.Symbol, cancel.ClientOrderId, cancel.Reason));
        Command<CancelEntryOrders>(OnCancelEntryOrders);
        Command<ClosePositions>(close => FetchPositions(close, 1));
        Command<GetOrderReports>(OnGetOrderReports);
        Command<GetOpenEntryOrders>(_ => OnGetOpenEntryOrders());
        Command<StopGateway>(_ => BeginShutdown());
        Common();
    }

    private void Stopping()
    {
        Command<ApprovedOrder>(approved => Refuse(approved.Intent, "the gateway is shutting down"));
        Command<CancelOrder>(cancel => RequestCancel(cancel.Symbol, cancel.ClientOrderId, cancel.Reason));
        Command<RiskCommand>(command => _log.Warning("Gateway is shutting down; {0} ignored", command));
        Command<GetOrderReports>(OnGetOrderReports);
        Command<GetOpenEntryOrders>(_ => OnGetOpenEntryOrders());
        Command<StopGateway>(_ => { });
        Command<ShutdownFinished>(OnShutdownFinished);
        Common();
    }

    // What every behaviour handles: answers from the venue, the user stream, timers and queries.
    private void Common()
    {
        Command<PlacementCompleted>(OnPlacementCompleted);
        Command<ResolveOrder>(OnResolveOrder);
        Command<OrderQueried>(OnOrderQueried);
        Command<CancelCompleted>(OnCancelCompleted);
        Command<RetryCancel>(retry => SendCancel(retry.Symbol, retry.ClientOrderId, true, retry.Reason, retry.Attempt));
        Command<PositionsFetched>(OnPositionsFetched);
        Command<RetryClose>(retry => FetchPositions(retry.Command, retry.Attempt));
        Command<StreamEventReceived>(received => OnStreamEvent(received.Event));
        Command<StreamStale>(OnStreamStale);
        Command<StreamSilent>(_ => OnStreamSilent());
        Command<ArmCountdown>(_ => OnArmCountdown());
        Command<CountdownArmed>(OnCountdownArmed);
        Command<DroppedOrdersLookedUp>(OnDroppedOrdersLookedUp);
        Command<GetGatewayStatus>(_ => Sender.Tell(Status()));
        Command<CheckOrderRate>(_ => ReportOrderRate());
        Command<SaveSnapshotSuccess>(success => DeleteSnapshots(new SnapshotSelectionCriteria(success.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(failure => _log.Warning("Gateway snapshot failed: {0}", failure.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(failure => _log.Warning("Deleting old gateway snapshots failed: {0}", failure.Cause.Message));
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _stop.Cancel();
        _stop.Dispose();
        if (_stream is { } stream)
        {
            // Disposing waits for the socket to close; nothing here may block the actor's thread.
            _ = stream.DisposeAsync().AsTask();
        }

        base.PostStop();
    }

    /// <inheritdoc />
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // The actor stops (Akka's rule for a failed write): nothing that event was to trigger has been sent.
        _log.Error(cause, "Gateway {0}: journal write of {1} failed; stopping without acting on it", PersistenceId, @event.GetType().Name);
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    /// <summary>Folds a journaled event and does what follows from it: delivery, audit, waiting cancels, snapshots.</summary>
    private void ApplyJournaled(object journaled)
    {
        var result = _state.Apply(journaled);
        switch (journaled)
        {
            case SubmissionStarted started:
                _submitted++;
                Audit(AuditKind.Submission, started.Intent.Symbol, started.Intent.ClientOrderId, Describe(started.Intent) + " — " + started.Reason);
                break;
            case SubmissionRefused refused:
                Deliver(new OrderDenied(refused.Intent.Symbol, refused.Intent.ClientOrderId, refused.Reason, refused.TimestampMs));
                Audit(AuditKind.Response, refused.Intent.Symbol, refused.Intent.ClientOrderId, "refused by the gateway, not sent: " + refused.Reason);
                break;
            case OrderAdopted adopted:
                Audit(AuditKind.Reconciliation, adopted.Intent.Symbol, adopted.Intent.ClientOrderId, "adopted: " + Describe(adopted.Intent));
                break;
            case OrderDeclaredLost lost:
                Audit(AuditKind.Reconciliation, lost.Symbol, lost.ClientOrderId, "declared lost: " + lost.Reason);
                break;
            case IOrderEvent orderEvent when result is OrderApplyResult.Applied:
                OnOrderEventApplied(orderEvent);
                break;
            case IOrderEvent orderEvent:
                _log.Warning("Gateway: journaled {0} of {1} did not apply: {2}", orderEvent.GetType().Name, orderEvent.ClientOrderId, result);
                break;
        }

        if (++_eventsSinceSnapshot >= _settings.SnapshotEvery)
        {
            _eventsSinceSnapshot = 0;
            SaveSnapshot(_state.ToSnapshot());
        }
    }

    private void OnOrderEventApplied(IOrderEvent orderEvent)
    {
        var id = orderEvent.ClientOrderId;
        _state.TryGet(id, out var order);
        if (order.Order.Status != OrderStatus.Submitted)
        {
            _inFlight.Remove(id);
        }

        if (order.Order.Status.IsTerminal())
        {
            _cancelWanted.Remove(id);
        }

        switch (orderEvent)
        {
            case OrderAccepted accepted:
                Audit(AuditKind.Response, accepted.Symbol, id, $"accepted as venue order {accepted.VenueOrderId}");
                break;
            case OrderRejected rejected:
                _rejected++;
                Audit(AuditKind.Response, rejected.Symbol, id, $"rejected ({rejected.Code}): {rejected.Reason}");
                break;
            case OrderFilled filled:
                var fill = filled.Fill;
                Audit(AuditKind.Fill, fill.Symbol, id, FormattableString.Invariant(
                    $"{fill.Side} {fill.Quantity} @ {fill.Price}, fee {fill.Fee}, {fill.Liquidity}, trade {fill.TradeId}; {order.Order.FilledQuantity} of {order.Order.Quantity} filled"));
                break;
            case OrderPendingCancel:
                Audit(AuditKind.Cancel, orderEvent.Symbol, id, "cancel journaled, being sent");
                break;
            case OrderCanceled:
                Audit(AuditKind.Cancel, orderEvent.Symbol, id, FormattableString.Invariant($"cancelled with {order.Order.FilledQuantity} filled"));
                break;
            case OrderCancelRejected cancelRejected:
                Audit(AuditKind.Cancel, cancelRejected.Symbol, id, $"cancel rejected ({cancelRejected.Code}): {cancelRejected.Reason}");
                break;
            case OrderExpired:
                Audit(AuditKind.Response, orderEvent.Symbol, id, FormattableString.Invariant($"expired by the venue with {order.Order.FilledQuantity} filled"));
                break;
        }

        if (IsVenueFact(orderEvent))
        {
            Deliver(orderEvent);
        }

        if (orderEvent is OrderAccepted && _cancelWanted.Remove(id, out var reason))
        {
            StartCancel(order, reason);
        }
    }

    // The facts a strategy and the risk gate act on; Submitted and PendingCancel are the gateway's own steps.
    private static bool IsVenueFact(IOrderEvent orderEvent) =>
        orderEvent is OrderAccepted or OrderRejected or OrderFilled or OrderCanceled or OrderExpired or OrderCancelRejected or OrderDenied;

    private void Deliver(IOrderEvent orderEvent)
    {
        _symbols.Tell(orderEvent);
        _riskGate.Tell(orderEvent);
        _mediator.Tell(new Publish(Topics.OrderEvents, orderEvent));
    }

    private void Audit(AuditKind kind, Symbol symbol, ClientOrderId id, string detail) =>
        _audit.Record(new AuditEntry(kind, symbol, id, VenueNow(), detail));

    private static string Describe(OrderIntent intent)
    {
        var text = new System.Text.StringBuilder();
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        text.Append(culture, $"{intent.Side} {intent.Type} ");
        text.Append(intent.Quantity is { } quantity ? quantity.ToString(culture) : "close-position");
        if (intent.Price is { } price)
        {
            text.Append(culture, $" @ {price}");
        }

        if (intent.StopPrice is { } stop)
        {
            text.Append(culture, $" stop {stop}");
        }

        text.Append(intent.ReduceOnly ? " reduce-only " : " ").Append(intent.PositionSide);
        return text.ToString();
    }

    // Domain timestamps are venue time: the latest the venue told us, or the client's estimate of the venue's clock.
    private long VenueNow() => _lastVenueTimeMs > 0 ? _lastVenueTimeMs : _rest.Transport.Clock.NowMs;

    // Keeps the view and stamps it with the next revision: wall-clock microseconds at least, so the first view of a new
    // incarnation (after a restart or on another node) outranks everything its predecessor published.
    private AccountChanged HoldAccount(AccountChanged view)
    {
        var wallMicros = _rest.Transport.Clock.NowMicros;
        _accountRevision = Math.Max(_accountRevision + 1, wallMicros);
        _account = view with { Revision = _accountRevision };
        return _account;
    }

    private void SeenVenueTime(long timeMs) => _lastVenueTimeMs = Math.Max(_lastVenueTimeMs, timeMs);

    private ReconciliationRules Rules() => new(_ids, _settings.UnknownOrders, AcceptanceWindowMs());

    // As the client reckons it (AsterRestClient.Resolution): the recvWindow or nonce tolerance, the clock uncertainty,
    // half the clock measurement's round trip, and the millisecond the venue's truncated times can hide; plus the
    // gateway's margin, because the journal records when the request was handed to the client, not when it was signed
    // (it may have waited in the rate-limit budget in between).
    private long AcceptanceWindowMs()
    {
        var options = _rest.Transport.Options;
        var offsetErrorMs = (((_rest.Transport.Clock.Skew?.RoundTripMs ?? 0) + 1) / 2) + 1;
        return (long)(options.RequestAcceptanceWindow + options.ClockUncertainty + _settings.NotPlacedMargin).TotalMilliseconds + offsetErrorMs;
    }

    private TimeSpan Backoff(int attempt)
    {
        var delay = _settings.RetryInitialDelay * Math.Pow(2, Math.Clamp(attempt - 1, 0, 20));
        return delay > _settings.RetryMaxDelay ? _settings.RetryMaxDelay : delay;
    }

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;
}
