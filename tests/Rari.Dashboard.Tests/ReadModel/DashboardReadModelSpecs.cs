using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.TestKit;
using Rari.Actors.Execution;
using Rari.Actors.Hosting;
using Rari.Actors.Risk;
using Rari.Actors.Symbols;
using Rari.Dashboard.Alerts;
using Rari.Dashboard.ReadModel;
using Rari.Dashboard.Settings;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Portfolio;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Dashboard.Tests.ReadModel;

public sealed class DashboardReadModelSpecs : Akka.TestKit.Xunit2.TestKit
{
    private const string Config = """
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp.port = 0
        akka.remote.dot-netty.tcp.hostname = 127.0.0.1
        """;

    private static readonly Symbol Eth = new("ETHUSDT");
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    private readonly TestProbe _mediator;
    private readonly TestProbe _riskGate;
    private readonly TestProbe _gateway;
    private readonly TestProbe _symbols;
    private readonly DashboardFeed _feed = new(50);
    private readonly ConcurrentQueue<Alert> _alerts = new();
    private RiskState _riskState = RiskState.Empty;

    public DashboardReadModelSpecs()
        : base(Config)
    {
        _mediator = CreateTestProbe();
        _riskGate = CreateTestProbe();
        _gateway = CreateTestProbe();
        _symbols = CreateTestProbe();
        _riskGate.SetAutoPilot(new DelegateAutoPilot((sender, _) =>
        {
            sender.Tell(new RiskStatus(Volatile.Read(ref _riskState), 10_000m, 3, 1, 2));
            return AutoPilot.KeepRunning;
        }));
        _gateway.SetAutoPilot(new DelegateAutoPilot((sender, _) =>
        {
            sender.Tell(new GatewayStatus(true, [], Account(10_050m, 0.5m), 7, 1, 0));
            return AutoPilot.KeepRunning;
        }));
        _symbols.SetAutoPilot(new DelegateAutoPilot((sender, message) =>
        {
            var symbol = ((GetSymbolStatus)message).Symbol;
            sender.Tell(new SymbolStatus(symbol, StrategyKind.Grid, TradingState.Active, false, 0, false, [], "trading; grid Running"));
            return AutoPilot.KeepRunning;
        }));
    }

    [Fact]
    public void Should_subscribe_to_the_account_trading_state_and_order_event_topics()
    {
        // act
        Start();

        // assert
        var topics = new[] { _mediator.ExpectMsg<Subscribe>(Generous), _mediator.ExpectMsg<Subscribe>(Generous), _mediator.ExpectMsg<Subscribe>(Generous) }.Select(s => s.Topic);
        Assert.Equal([Topics.Account, Topics.TradingState, Topics.OrderEvents], topics);
    }

    [Fact]
    public void Should_assemble_positions_symbols_and_risk_from_the_actors_answers()
    {
        // act
        Start();

        // assert
        AwaitAssert(
            () =>
            {
                var snapshot = _feed.Snapshot;
                Assert.NotNull(snapshot);
                var position = Assert.Single(snapshot.Positions);
                Assert.Equal(new PositionView("ETHUSDT", "LONG", 0.5m, 2_000m, 2_100m, 50m, 20, "cross"), position); // mark = entry + upnl / size
                Assert.Equal(10_050m, snapshot.Overview.Equity);
                Assert.True(snapshot.Overview.Connected);
                Assert.Equal("trading; grid Running", Assert.Single(snapshot.Symbols).Detail);
                Assert.Equal(7, snapshot.Performance.Submitted);
                Assert.Equal((3L, 1L, 2L), (snapshot.Risk.Approved, snapshot.Risk.Resized, snapshot.Risk.Denied));
            },
            Generous);
    }

    [Fact]
    public void Should_show_a_halt_at_once_and_raise_one_alert_for_it()
    {
        // arrange
        var model = Start();
        AwaitAssert(() => Assert.NotNull(_feed.Snapshot), Generous);

        // act: the gate halts and publishes the change
        Volatile.Write(ref _riskState, RiskState.Empty with { Restrictions = [new TradingRestriction(null, HaltCause.Manual, TradingState.Halted, "dashboard: lunch", 5)] });
        model.Tell(new TradingStateChanged(null, TradingState.Halted, "dashboard: lunch", 5));

        // assert
        AwaitAssert(
            () =>
            {
                Assert.Equal("Halted", _feed.Snapshot!.Overview.TradingState);
                Assert.Equal("dashboard: lunch", Assert.Single(_feed.Snapshot.Risk.Restrictions).Reason);
            },
            Generous);
        AwaitAssert(() => Assert.Single(_alerts, a => a.Kind == AlertKind.Halt), Generous);
        Thread.Sleep(500); // a few more refresh rounds with the same state ...
        Assert.Single(_alerts, a => a.Kind == AlertKind.Halt); // <-- ... raise no second alert
    }

    [Fact]
    public void Should_count_each_fill_once_and_alert_a_large_one()
    {
        // arrange
        var model = Start();
        var large = Filled(1, 0.6m, 2_000m); // 1200 USDT
        var small = Filled(2, 0.01m, 2_000m);

        // act
        model.Tell(large);
        model.Tell(large); // the same trade delivered twice
        model.Tell(small);

        // assert
        AwaitAssert(
            () =>
            {
                var performance = _feed.Snapshot!.Performance;
                Assert.Equal(2, performance.Fills);
                Assert.Equal(1_220m, performance.FilledNotional);
            },
            Generous);
        Assert.Single(_alerts, a => a.Kind == AlertKind.LargeFill);
    }

    [Fact]
    public void Should_measure_win_rate_and_profit_factor_over_the_round_trips_its_fills_close()
    {
        // arrange: two long round trips on ETHUSDT, one won (+10 gross) and one lost (−4 gross), 0.1 fee per fill
        var model = Start();

        // act
        model.Tell(Filled(1, 1m, 2_000m));
        model.Tell(Filled(2, 1m, 2_010m, OrderSide.Sell));
        model.Tell(Filled(3, 1m, 2_000m));
        model.Tell(Filled(4, 1m, 1_996m, OrderSide.Sell));

        // assert: nets 9.8 and −4.2
        AwaitAssert(
            () =>
            {
                var performance = _feed.Snapshot!.Performance;
                Assert.Equal(2, performance.RoundTrips);
                Assert.Equal(0.5, performance.WinRate, 6);
                Assert.Equal(9.8 / 4.2, performance.ProfitFactor!.Value, 6); // <--
            },
            Generous);
    }

    private IActorRef Start()
    {
        var wiring = new ReadModelWiring(
            "grid",
            [Eth],
            RiskSettings.Default,
            DashboardSettings.Default with { RefreshInterval = TimeSpan.FromMilliseconds(100) },
            AlertSettings.Default,
            _mediator.Ref,
            _riskGate.Ref,
            _gateway.Ref,
            _symbols.Ref,
            _feed,
            _alerts.Enqueue,
            TimeProvider.System);
        return Sys.ActorOf(DashboardReadModel.Props(wiring));
    }

    private static AccountChanged Account(decimal equity, decimal quantity) =>
        new(1_000, 10_000m, equity, 9_000m, [new PositionReport(Eth, PositionSide.Both, quantity, 2_000m, 50m, 20, MarginType.Cross, 0m)]);

    private static OrderFilled Filled(long trade, decimal quantity, decimal price, OrderSide side = OrderSide.Buy) =>
        new(new Fill(Eth, new ClientOrderId("rari-grid-ETHUSDT-00000" + trade), new VenueOrderId(trade), new TradeId(trade), side, PositionSide.Both, price, quantity, 0.1m, LiquiditySide.Maker, 2_000 + trade));
}
