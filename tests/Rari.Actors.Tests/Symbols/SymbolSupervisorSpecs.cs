using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using Akka.Persistence;
using Rari.Actors.Hosting;
using Rari.Actors.MarketData;
using Rari.Actors.Risk;
using Rari.Actors.Strategies;
using Rari.Actors.Symbols;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Sizing;
using Xunit.Abstractions;
using static Rari.Actors.Tests.Strategies.StrategyFixtures;

namespace Rari.Actors.Tests.Symbols;

/// <summary>The symbol supervisor: routing, restarts with back-off, halting after repeated failures, readings, status.</summary>
public sealed class SymbolSupervisorSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(PersistenceConfig, output)
{
    [Fact]
    public async Task Should_restart_a_strategy_that_throws_and_give_it_the_latest_trading_state()
    {
        // arrange
        var rig = new SymbolRig(this, strategies: SymbolRig.AtrGrid);
        var supervisor = rig.Start();
        rig.Mediator.ExpectMsg<Subscribe>(subscribe => subscribe.Topic == Topics.Account, Wait);
        rig.Mediator.ExpectMsg<Subscribe>(subscribe => subscribe.Topic == Topics.TradingState, Wait);
        await rig.StrategyTradingAsync(supervisor);
        supervisor.Tell(new TradingStateChanged(Eth, TradingState.Reducing, "operator", 1));

        // act
        supervisor.Tell(SymbolRig.InvertedBar(FirstLive));

        // assert: a second incarnation warms up, with the reducing state it was not told itself
        AwaitCondition(() => rig.StrategyStarts == 2, Wait);
        var restarted = await rig.StrategyTradingAsync(supervisor);
        Assert.Equal(TradingState.Reducing, restarted.TradingState);
        var status = await SymbolRig.StatusOf(supervisor);
        Assert.Equal(1, status.Failures);
        Assert.False(status.IsHalted);
        Assert.Contains("ArgumentException", status.Detail, StringComparison.Ordinal);

        // act: trading resumes on the next bar
        supervisor.Tell(new TradingStateChanged(Eth, TradingState.Active, "operator", 2));
        supervisor.Tell(Closed(FirstLive + 1));

        // assert
        rig.RiskGateGot<SubmitOrder>();
    }

    [Fact]
    public async Task Should_halt_the_symbol_after_repeated_failures_and_resume_only_when_told()
    {
        // arrange: two failures within the window halt
        var rig = new SymbolRig(this, strategies: SymbolRig.AtrGrid, settings: FastSettings with { MaxFailures = 2 });
        var supervisor = rig.Start();
        await rig.StrategyTradingAsync(supervisor);
        supervisor.Tell(SymbolRig.InvertedBar(FirstLive));
        AwaitCondition(() => rig.StrategyStarts == 2, Wait);
        await rig.StrategyTradingAsync(supervisor);

        // act
        supervisor.Tell(SymbolRig.InvertedBar(FirstLive + 1));

        // assert: the risk gate halts the symbol (and cancels its entries); the symbol says so
        var halt = rig.RiskGateGot<HaltTrading>();
        Assert.Equal(Eth, halt.Symbol);
        Assert.Equal(TradingState.Halted, halt.Level);
        var halted = await SymbolRig.StatusOf(supervisor);
        Assert.True(halted.IsHalted);
        Assert.Equal(2, halted.Failures);
        Assert.Equal(TradingState.Halted, halted.TradingState);
        Assert.Empty(halted.OpenOrders);

        // act: a start request does not resume it; the operator does
        supervisor.Tell(new StartSymbol(Eth));
        Assert.True((await SymbolRig.StatusOf(supervisor)).IsHalted);
        var resumed = await supervisor.Ask<ControlResult>(new ResumeSymbol(Eth, "fixed the feed"), Wait);

        // assert
        Assert.True(resumed.Accepted);
        var resume = rig.RiskGateGot<ResumeTrading>();
        Assert.Equal(Eth, resume.Symbol);
        Assert.Equal(HaltCause.Manual, resume.Cause);
        await rig.StrategyTradingAsync(supervisor);
        Assert.Equal(3, rig.StrategyStarts);
        var status = await SymbolRig.StatusOf(supervisor);
        Assert.False(status.IsHalted);
        Assert.Equal(0, status.Failures);
    }

    [Fact]
    public async Task Should_halt_at_once_when_the_strategy_s_journal_cannot_be_replayed()
    {
        // arrange: the grid's journal holds an event of another strategy, which it cannot fold
        var writer = Sys.ActorOf(Props.Create(() => new JournalWriter("grid-ETHUSDT", new GridInventoryReleased(new StrategyId("other"), Eth, 1, "not the grid's"))));
        await writer.Ask<string>("write", Wait);
        var rig = new SymbolRig(this);

        // act
        var supervisor = rig.Start();

        // assert: no restart can help, so the symbol halts on the first failure
        var halt = rig.RiskGateGot<HaltTrading>();
        Assert.Contains("cannot be replayed", halt.Reason, StringComparison.Ordinal);
        var status = await SymbolRig.StatusOf(supervisor);
        Assert.True(status.IsHalted);
        Assert.Equal(1, status.Failures);
        Assert.Equal(0, rig.StrategyStarts); // it never got as far as its warm-up
    }

    [Fact]
    public async Task Should_route_the_order_events_of_hybrid_hgrid_and_hvol_orders_to_the_regime_arbiter()
    {
        // arrange
        var rig = new SymbolRig(this, StrategyKind.Hybrid);
        var supervisor = rig.Start();
        var arbiter = await rig.StrategyTradingAsync(supervisor);
        var ids = new ClientOrderIdFactory();

        // act: three of its orders, one of a standalone grid, then one more of its own
        supervisor.Tell(new OrderCanceled(Eth, ids.Create(StrategySet.HybridGridId, Eth, 1), 1));
        supervisor.Tell(new OrderCanceled(Eth, ids.Create(StrategySet.HybridVolatilityId, Eth, 1), 2));
        supervisor.Tell(new OrderCanceled(Eth, ids.Create(StrategySet.HybridId, Eth, 1), 3));
        supervisor.Tell(new OrderCanceled(Eth, ids.Create(StrategySet.GridId, Eth, 1), 4));
        supervisor.Tell(new OrderCanceled(Eth, ids.Create(StrategySet.HybridGridId, Eth, 2), 5));

        // assert: four reached the arbiter; the grid's never did (it would have been the fifth)
        Assert.Equal(RegimeArbiter.PersistenceKind + "-ETHUSDT", arbiter.PersistenceId);
        Assert.Equal(StrategySet.HybridId, arbiter.StrategyId);
        await AwaitAssertAsync(async () => Assert.Equal(4, (await rig.StrategyStatusOf(supervisor)).OrderEventsHandled), Wait);
        await SymbolRig.StatusOf(supervisor);
        Assert.Equal(4, (await rig.StrategyStatusOf(supervisor)).OrderEventsHandled);
    }

    [Fact]
    public async Task Should_tell_the_risk_gate_what_it_saw_of_every_closed_bar()
    {
        // arrange
        var rig = new SymbolRig(this);
        var supervisor = rig.Start();
        await rig.StrategyTradingAsync(supervisor);

        // act
        for (var i = FirstLive; i < FirstLive + 3; i++)
        {
            supervisor.Tell(Closed(i));
        }

        supervisor.Tell(Closed(FirstLive + 2));

        // assert: one reading per new bar, at its close, with its return
        var readings = Enumerable.Range(0, 3).Select(_ => rig.RiskGateGot<SymbolMarketObserved>()).ToList();
        Assert.Equal([Bars[300].OpenTimeMs + 60_000, Bars[301].OpenTimeMs + 60_000, Bars[302].OpenTimeMs + 60_000], readings.Select(r => r.TimestampMs));
        Assert.Equal(Bars[302].Close, readings[2].MarkPrice);
        Assert.Equal((Bars[302].Close / Bars[301].Close) - 1m, readings[2].BarReturn);
        await SymbolRig.StatusOf(supervisor);
        var after = rig.RiskGate.ReceiveWhile(TimeSpan.FromMilliseconds(200), message => message);
        Assert.DoesNotContain(after, message => message is SymbolMarketObserved); // the repeated bar gave none
    }

    [Fact]
    public async Task Should_pass_its_order_book_to_the_risk_gate_at_most_once_a_second_of_market_time_latest_first()
    {
        // arrange
        var rig = new SymbolRig(this);
        var supervisor = rig.Start();
        await rig.StrategyTradingAsync(supervisor);
        var t0 = Bars[FirstLive].OpenTimeMs;
        OrderBookChanged Book(long id, long timeMs) =>
            new(Eth, id, timeMs, [new Domain.Market.BookLevel(1_799m, 1m)], [new Domain.Market.BookLevel(1_800m, 1m)]);

        // act: three books within one second of market time, then one a second after the first
        supervisor.Tell(Book(1, t0));
        supervisor.Tell(Book(2, t0 + 300));
        supervisor.Tell(Book(3, t0 + 600));
        supervisor.Tell(Book(4, t0 + 1_000));

        // assert: the first at once, the held-back ones dropped for the newest
        Assert.Equal(1, rig.RiskGateGot<OrderBookChanged>().LastUpdateId);
        Assert.Equal(4, rig.RiskGateGot<OrderBookChanged>().LastUpdateId); // <--
        await SymbolRig.StatusOf(supervisor);
        var after = rig.RiskGate.ReceiveWhile(TimeSpan.FromMilliseconds(1_500), message => message);
        Assert.DoesNotContain(after, message => message is OrderBookChanged);
    }

    [Fact]
    public async Task Should_answer_its_status_with_its_strategy_s_open_orders_and_start_only_once()
    {
        // arrange
        var rig = new SymbolRig(this);
        var supervisor = rig.Start();
        await rig.StrategyTradingAsync(supervisor);

        // act
        supervisor.Tell(new StartSymbol(Eth));
        supervisor.Tell(new StartSymbol(Eth));
        supervisor.Tell(Closed(FirstLive));
        var entries = Enumerable.Range(0, 9).Select(_ => rig.RiskGateGot<SubmitOrder>().Request.Intent.ClientOrderId).ToList();
        var status = await SymbolRig.StatusOf(supervisor);

        // assert
        Assert.Equal(StrategyKind.Grid, status.Mode);
        Assert.Equal(TradingState.Active, status.TradingState);
        Assert.False(status.IsHalted);
        Assert.Equal(entries.OrderBy(id => id.Value, StringComparer.Ordinal), status.OpenOrders.OrderBy(id => id.Value, StringComparer.Ordinal));
        Assert.StartsWith("trading; grid Running", status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, rig.StrategyStarts);
        Assert.Equal(9, status.Grid!.Rungs.Count(r => r.Status == Domain.Strategies.Grid.GridRungStatus.Resting)); // the ladder the dashboard draws
    }

    /// <summary>Writes one event into a journal, as a strategy of another version might have.</summary>
    private sealed class JournalWriter : ReceivePersistentActor
    {
        public JournalWriter(string persistenceId, object written)
        {
            PersistenceId = persistenceId;
            Command<string>(_ =>
            {
                var sender = Sender;
                Persist(written, _ => sender.Tell("written"));
            });
        }

        public override string PersistenceId { get; }
    }
}
