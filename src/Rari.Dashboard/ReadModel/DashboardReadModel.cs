using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Event;
using Rari.Actors.Execution;
using Rari.Actors.Hosting;
using Rari.Actors.Risk;
using Rari.Actors.Symbols;
using Rari.Dashboard.Alerts;
using Rari.Dashboard.Settings;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;

namespace Rari.Dashboard.ReadModel;

/// <summary>Who the read model listens to and asks, and where its views and alerts go.</summary>
/// <param name="Mode">The strategy family, for the overview.</param>
/// <param name="Symbols">The traded symbols.</param>
/// <param name="Risk">The risk gate's limits.</param>
/// <param name="Settings">The dashboard's settings (refresh interval, equity points).</param>
/// <param name="Alerts">What raises alerts.</param>
/// <param name="Mediator">The pub-sub mediator (account, trading-state and order-event topics).</param>
/// <param name="RiskGate">The risk gate (proxy).</param>
/// <param name="Gateway">The exchange gateway (proxy).</param>
/// <param name="SymbolRegion">The symbols' shard region.</param>
/// <param name="Feed">Where snapshots go.</param>
/// <param name="Alert">Where alerts go; must not block (the dispatcher's Post).</param>
/// <param name="Time">The wall clock (uptime, the daily summary's day).</param>
public sealed record ReadModelWiring(
    string Mode,
    IReadOnlyList<Symbol> Symbols,
    RiskSettings Risk,
    DashboardSettings Settings,
    AlertSettings Alerts,
    IActorRef Mediator,
    IActorRef RiskGate,
    IActorRef Gateway,
    IActorRef SymbolRegion,
    DashboardFeed Feed,
    Action<Alert> Alert,
    TimeProvider Time);

/// <summary>
/// The dashboard's read model: subscribes to the account, trading-state and order-event topics, asks the risk gate, the
/// gateway and every symbol's supervisor for their state once per refresh interval (never the exchange), assembles a
/// <see cref="DashboardSnapshot"/> and pushes it to the <see cref="DashboardFeed"/>; turns halts, breaker trips, large
/// fills and the UTC day's end into alerts.
/// </summary>
public sealed class DashboardReadModel : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan DayCheckInterval = TimeSpan.FromSeconds(30);

    private readonly ReadModelWiring _wiring;
    private readonly ReadModelState _state;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private bool _asking;
    private IReadOnlyDictionary<string, IReadOnlyList<string>> _hosting = new Dictionary<string, IReadOnlyList<string>>();
    private bool _riskSeen;
    private RiskState? _lastRisk;
    private DateOnly _day;

    /// <summary>Creates the read model; prefer <see cref="Props"/>.</summary>
    public DashboardReadModel(ReadModelWiring wiring)
    {
        _wiring = wiring ?? throw new ArgumentNullException(nameof(wiring));
        _state = new ReadModelState(wiring.Mode, wiring.Symbols, wiring.Risk, wiring.Settings.EquityPoints, wiring.Time.GetUtcNow().ToUnixTimeMilliseconds());
        _day = DateOnly.FromDateTime(wiring.Time.GetUtcNow().UtcDateTime);
        Listening();
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The Props of a read model.</summary>
    public static Props Props(ReadModelWiring wiring) => Akka.Actor.Props.Create(() => new DashboardReadModel(wiring));

    private void Listening()
    {
        Receive<AccountChanged>(account => _state.Apply(account, NowMs()));
        Receive<OrderFilled>(filled =>
        {
            if (_state.Apply(filled) && AlertRules.LargeFill(filled.Fill, _wiring.Alerts) is { } alert)
            {
                _wiring.Alert(alert);
            }
        });
        Receive<IOrderEvent>(_ => { });
        Receive<TradingStateChanged>(change =>
        {
            _state.Apply(change);
            Publish();
            Ask(); // the gate's full state (reasons, breakers) comes with its answer, at once rather than at the next tick
        });
        Receive<Refresh>(_ => Ask());
        Receive<Answers>(OnAnswers);
        Receive<CheckDay>(_ => OnCheckDay());
        Receive<SubscribeAck>(_ => { });
    }

    private void Ask()
    {
        if (_asking)
        {
            return;
        }

        _asking = true;
        var timeout = Max(_wiring.Settings.RefreshInterval * 3, TimeSpan.FromSeconds(10)); // a busy start-up answers late
        AskAllAsync(_wiring, Context.System, timeout).PipeTo(Self, failure: _ => new Answers(null, null, [], false, null));
    }

    private static async Task<Answers> AskAllAsync(ReadModelWiring wiring, ActorSystem system, TimeSpan timeout)
    {
        var hosting = ShardHosting.AskAsync(system, timeout);
        var risk = AskOrNull<RiskStatus>(wiring.RiskGate, GetRiskStatus.Instance, timeout);
        var gateway = AskOrNull<GatewayStatus>(wiring.Gateway, GetGatewayStatus.Instance, timeout);
        var symbols = new List<Task<SymbolStatus?>>(wiring.Symbols.Count);
        foreach (var symbol in wiring.Symbols)
        {
            symbols.Add(AskOrNull<SymbolStatus>(wiring.SymbolRegion, new GetSymbolStatus(symbol), timeout));
        }

        var statuses = new List<SymbolStatus>(symbols.Count);
        var all = true;
        foreach (var task in symbols)
        {
            if (await task.ConfigureAwait(false) is { } status)
            {
                statuses.Add(status);
            }
            else
            {
                all = false;
            }
        }

        var riskAnswer = await risk.ConfigureAwait(false);
        var gatewayAnswer = await gateway.ConfigureAwait(false);
        return new Answers(
            riskAnswer, gatewayAnswer, statuses, all && riskAnswer is not null && gatewayAnswer is not null, await hosting.ConfigureAwait(false));
    }

    private static async Task<T?> AskOrNull<T>(IActorRef target, object question, TimeSpan timeout)
        where T : class
    {
        try
        {
            return await target.Ask<T>(question, timeout).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException or InvalidCastException)
        {
            // No answer in time (a singleton moving, a symbol still starting): the view keeps the last answer and shows
            // itself as disconnected until the next round.
            return null;
        }
    }

    private void OnAnswers(Answers answers)
    {
        _asking = false;
        if (answers.Hosting is { Count: > 0 } hosting)
        {
            _hosting = hosting;
        }

        _state.Apply(answers.Risk, answers.Gateway, answers.Symbols, answers.AllAnswered, NowMs());
        if (answers.Risk is { } risk)
        {
            foreach (var alert in AlertRules.RiskChanges(_riskSeen ? _lastRisk : null, risk.State, _wiring.Alerts))
            {
                _wiring.Alert(alert);
            }

            _riskSeen = true;
            _lastRisk = risk.State;
        }

        Publish();
    }

    private void OnCheckDay()
    {
        var today = DateOnly.FromDateTime(_wiring.Time.GetUtcNow().UtcDateTime);
        if (today == _day)
        {
            return;
        }

        _day = today;
        if (_wiring.Alerts.DailySummary && _wiring.Feed.Snapshot is { } snapshot)
        {
            var dayEnd = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
            _wiring.Alert(AlertRules.DailySummary(dayEnd, snapshot));
        }
    }

    private void Publish() => _wiring.Feed.Publish(_state.Snapshot(NowMs(), ClusterView()));

    private long NowMs() => _wiring.Time.GetUtcNow().ToUnixTimeMilliseconds();

    private List<NodeView> ClusterView()
    {
        var cluster = Cluster.Get(Context.System);
        var nodes = new List<NodeView>();
        foreach (var member in cluster.State.Members)
        {
            var self = member.Address == cluster.SelfAddress;

            // What each member's shard region answered last (nothing until it answers).
            var hosted = _hosting.TryGetValue(member.Address.ToString(), out var answered) ? answered : [];
            nodes.Add(new NodeView(member.Address.ToString(), member.Status.ToString(), [.. member.Roles], self, hosted));
        }

        return nodes;
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        _wiring.Mediator.Tell(new Subscribe(Topics.Account, Self));
        _wiring.Mediator.Tell(new Subscribe(Topics.TradingState, Self));
        _wiring.Mediator.Tell(new Subscribe(Topics.OrderEvents, Self));
        Timers.StartPeriodicTimer(nameof(Refresh), Refresh.Instance, TimeSpan.Zero, _wiring.Settings.RefreshInterval);
        Timers.StartPeriodicTimer(nameof(CheckDay), CheckDay.Instance, DayCheckInterval);
        _log.Info("Dashboard read model started for {Count} symbols", _wiring.Symbols.Count);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record Refresh
    {
        public static Refresh Instance { get; } = new();
    }

    private sealed record CheckDay
    {
        public static CheckDay Instance { get; } = new();
    }

    private sealed record Answers(
        RiskStatus? Risk, GatewayStatus? Gateway, IReadOnlyList<SymbolStatus> Symbols, bool AllAnswered, IReadOnlyDictionary<string, IReadOnlyList<string>>? Hosting);
}
