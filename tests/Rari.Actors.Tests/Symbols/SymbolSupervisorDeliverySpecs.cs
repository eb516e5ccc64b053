using Akka.Actor;
using Rari.Actors.MarketData;
using Rari.Actors.Risk;
using Rari.Actors.Strategies;
using Rari.Actors.Symbols;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Xunit.Abstractions;
using static Rari.Actors.Tests.Strategies.StrategyFixtures;

namespace Rari.Actors.Tests.Symbols;

/// <summary>
/// The symbol supervisor's direct delivery: inputs go straight to the strategy incarnation that announced itself, are
/// held in order while none is known (before the first announcement, across a restart), and none is delivered twice.
/// </summary>
public sealed class SymbolSupervisorDeliverySpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(PersistenceConfig, output)
{
    // A restart back-off of a second leaves a window in which no incarnation runs; the order sync gives up quickly (the
    // gateway probe does not answer it), so the next incarnation trades soon.
    private static readonly Rari.Actors.Settings.StrategyActorSettings RestartWindow = FastSettings with
    {
        RestartBackoffMin = TimeSpan.FromSeconds(1),
        RestartBackoffMax = TimeSpan.FromSeconds(1),
        OrderSyncTimeout = TimeSpan.FromMilliseconds(500),
    };

    [Fact]
    public async Task Should_give_the_next_incarnation_every_bar_sent_while_the_strategy_restarted_once_and_in_order()
    {
        // arrange: the venue's history ends before the live bars, so the next incarnation's warm-up cannot fill a gap:
        // every live bar it decides on comes from the supervisor
        var rig = new SymbolRig(this, strategies: SymbolRig.AtrGrid, settings: RestartWindow);
        var supervisor = rig.Start();
        await rig.StrategyTradingAsync(supervisor);
        for (var i = FirstLive; i < FirstLive + 10; i++)
        {
            supervisor.Tell(Closed(i));
        }

        await rig.StrategyHandledAsync(supervisor, 10);
        var first = await IncarnationOf(supervisor);
        Watch(first);

        // act: kill it mid-stream, then go on while no incarnation runs (an order event of its own among the bars,
        // one of another strategy that must not reach it)
        supervisor.Tell(SymbolRig.InvertedBar(FirstLive + 10));
        ExpectTerminated(first, Wait);
        var ids = new ClientOrderIdFactory();
        for (var i = FirstLive + 11; i <= FirstLive + 20; i++)
        {
            supervisor.Tell(Closed(i));
        }

        supervisor.Tell(new OrderCanceled(Eth, ids.Create(StrategySet.GridId, Eth, 999), Bars[FirstLive + 20].OpenTimeMs));
        supervisor.Tell(new OrderCanceled(Eth, ids.Create(StrategySet.VolatilityId, Eth, 999), Bars[FirstLive + 20].OpenTimeMs));
        supervisor.Tell(Batch(FirstLive + 21, 10));
        supervisor.Tell(Batch(FirstLive + 31, 10));

        // assert: the next incarnation decided on all thirty bars, none skipped as a repeat or as overtaken, the last
        // one last; the grid's own order event reached it, the other strategy's did not
        AwaitCondition(() => rig.StrategyStarts == 2, Wait);
        var next = await rig.StrategyHandledAsync(supervisor, 30);
        Assert.Equal(0, next.KlinesSkipped);
        Assert.Equal(Bars[FirstLive + 40].Close, next.LastPrice);
        Assert.Equal(1, next.OrderEventsHandled);
        Assert.NotEqual(first, await IncarnationOf(supervisor));
    }

    [Fact]
    public async Task Should_hold_what_arrives_before_the_strategy_announces_itself_and_deliver_it_in_order()
    {
        // arrange
        var rig = new SymbolRig(this);

        // act: bars arrive with the supervisor, before its strategy actor exists
        var supervisor = rig.Start();
        for (var i = FirstLive; i < FirstLive + 10; i++)
        {
            supervisor.Tell(Closed(i));
        }

        supervisor.Tell(Batch(FirstLive + 10, 10));

        // assert: every one decided, in order, once
        var status = await rig.StrategyHandledAsync(supervisor, 20);
        Assert.Equal(0, status.KlinesSkipped);
        Assert.Equal(Bars[FirstLive + 19].Close, status.LastPrice);
    }

    [Fact]
    public async Task Should_deliver_straight_to_the_incarnation_and_route_order_events_of_its_own_strategy_only()
    {
        // arrange
        var rig = new SymbolRig(this);
        var supervisor = rig.Start();
        await rig.StrategyTradingAsync(supervisor);
        var ids = new ClientOrderIdFactory();

        // act: a bar, an order event of the grid, one of the volatility strategy, one of another symbol's grid
        supervisor.Tell(Closed(FirstLive));
        supervisor.Tell(new OrderCanceled(Eth, ids.Create(StrategySet.GridId, Eth, 1), 1));
        supervisor.Tell(new OrderCanceled(Eth, ids.Create(StrategySet.VolatilityId, Eth, 1), 2));
        supervisor.Tell(new OrderCanceled(Eth, ids.Create(StrategySet.GridId, new Domain.Identifiers.Symbol("BTCUSDT"), 1), 3));
        supervisor.Tell(Closed(FirstLive + 1));

        // assert
        var status = await rig.StrategyHandledAsync(supervisor, 2);
        Assert.Equal(1, status.OrderEventsHandled);
        Assert.Equal(0, status.KlinesSkipped);
    }

    [Fact]
    public async Task Should_route_order_events_by_the_configured_client_order_id_prefix()
    {
        // arrange: strategies that make their ids with "bot1", as rari.gateway.client-order-id-prefix = bot1 does
        var rig = new SymbolRig(this, strategies: StrategySet.Default with { ClientOrderIdPrefix = "bot1" });
        var supervisor = rig.Start();
        await rig.StrategyTradingAsync(supervisor);

        // act: two order events of the grid under the configured prefix, one under the default prefix (not ours)
        var ours = new ClientOrderIdFactory("bot1");
        supervisor.Tell(new OrderCanceled(Eth, ours.Create(StrategySet.GridId, Eth, 1), 1));
        supervisor.Tell(new OrderCanceled(Eth, new ClientOrderIdFactory().Create(StrategySet.GridId, Eth, 2), 2));
        supervisor.Tell(new OrderCanceled(Eth, ours.Create(StrategySet.GridId, Eth, 3), 3));
        supervisor.Tell(Closed(FirstLive));

        // assert: the bar after them shows that exactly the two of ours reached the grid
        var status = await rig.StrategyHandledAsync(supervisor, 1);
        Assert.Equal(2, status.OrderEventsHandled);
    }

    [Fact]
    public async Task Should_read_and_decide_every_kline_of_a_batch_in_order_as_if_each_had_come_alone()
    {
        // arrange
        var rig = new SymbolRig(this);
        var supervisor = rig.Start();
        await rig.StrategyTradingAsync(supervisor);

        // act: ten bars in one message, then a lone bar after them
        supervisor.Tell(Batch(FirstLive, 10));
        supervisor.Tell(Closed(FirstLive + 10));

        // assert: the batch's risk readings in one message, one per bar, in order; then the lone bar's on its own (a
        // reading sent per bar of the batch would come first); the strategy decided on all eleven, none skipped
        var batch = rig.RiskGateGot<SymbolMarketsObserved>();
        Assert.Equal(Eth, batch.Symbol);
        Assert.Equal(
            Enumerable.Range(FirstLive, 10).Select(i => Bars[i].OpenTimeMs + StrategyActor.BarMs),
            batch.Readings.Select(reading => reading.TimestampMs));
        Assert.Equal((Bars[FirstLive + 9].Close / Bars[FirstLive + 8].Close) - 1m, batch.Readings[9].BarReturn);
        Assert.Equal(Bars[FirstLive + 10].OpenTimeMs + StrategyActor.BarMs, rig.RiskGateGot<SymbolMarketObserved>().TimestampMs);

        var status = await rig.StrategyHandledAsync(supervisor, 11);
        Assert.Equal(0, status.KlinesSkipped);
        Assert.Equal(Bars[FirstLive + 10].Close, status.LastPrice);
    }

    [Fact]
    public async Task Should_send_the_risk_gate_one_message_per_batch_with_only_the_bars_not_seen_before()
    {
        // arrange
        var rig = new SymbolRig(this);
        var supervisor = rig.Start();
        await rig.StrategyTradingAsync(supervisor);
        supervisor.Tell(Batch(FirstLive, 3));
        Assert.Equal(3, rig.RiskGateGot<SymbolMarketsObserved>().Readings.Count);

        // act: a batch repeating the last bar before two new ones; a batch with one new bar; a batch of repeats only
        supervisor.Tell(Batch(FirstLive + 2, 3));
        supervisor.Tell(Batch(FirstLive + 4, 2));
        supervisor.Tell(Batch(FirstLive + 3, 3));
        await SymbolRig.StatusOf(supervisor);

        // assert: two readings in one message, then the lone new bar's reading on its own, and nothing for the repeats
        var two = rig.RiskGateGot<SymbolMarketsObserved>();
        Assert.Equal([Bars[FirstLive + 3].OpenTimeMs + StrategyActor.BarMs, Bars[FirstLive + 4].OpenTimeMs + StrategyActor.BarMs], two.Readings.Select(r => r.TimestampMs));
        Assert.Equal(Bars[FirstLive + 5].OpenTimeMs + StrategyActor.BarMs, rig.RiskGateGot<SymbolMarketObserved>().TimestampMs);
        var after = rig.RiskGate.ReceiveWhile(TimeSpan.FromMilliseconds(200), message => message);
        Assert.DoesNotContain(after, message => message is SymbolMarketObserved or SymbolMarketsObserved);
    }

    private static KlinesClosed Batch(int from, int count) =>
        new(Eth, [.. Enumerable.Range(from, count).Select(Closed)]);

    // The strategy actor itself (the back-off supervisor's child, named after its journal's kind).
    private Task<IActorRef> IncarnationOf(IActorRef supervisor) =>
        Sys.ActorSelection(supervisor.Path / SymbolSupervisor.ChildName / GridActor.PersistenceKind).ResolveOne(Wait);
}
