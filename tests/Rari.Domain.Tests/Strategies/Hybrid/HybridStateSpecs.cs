using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Volatility;
using Rari.Domain.Tests.Strategies.Volatility;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Hybrid;

public sealed class HybridStateSpecs
{
    private static readonly HybridSettings Patient = HybridSettings.Default with { CancelTimeout = TimeSpan.FromMinutes(5) };

    // A script through every phase: activation, a grid order, a switch with a close, the volatility child trading.
    private static HybridFixture Scripted()
    {
        var fixture = new HybridFixture(Patient);
        var gridOrder = fixture.GridRunning();
        fixture.Bar(MarketRegime.Trending, position: 0.5m, entryPrice: 1990m);
        var close = fixture.Order(Canceled(gridOrder), position: 0.5m, entryPrice: 1990m).Single<ExposureCloseOrdered>().Order;
        fixture.Order(Filled(close, 0.5m, 2000m, tradeId: 5));
        fixture.Bar();
        fixture.Bar(MarketRegime.Extreme);
        return fixture;
    }

    [Fact]
    public void Should_restore_a_snapshot_of_itself_and_both_children()
    {
        // arrange
        var original = Scripted();
        var snapshot = original.Hybrid.Snapshot();
        var restored = new HybridFixture(Patient);

        // act
        restored.Hybrid.Restore(snapshot);

        // assert
        Assert.Equal(snapshot, restored.Hybrid.Snapshot()); // <--
        Assert.Equal(original.Hybrid.OpenOrders, restored.Hybrid.OpenOrders);
        Assert.Equal((HybridPhase.Running, HybridLeg.Volatility, MarketRegime.Extreme), (restored.Hybrid.State.Phase, restored.Hybrid.State.Active, restored.Hybrid.State.Regime));
        Assert.Equal(original.Vol.State, restored.Vol.State);
    }

    [Fact]
    public void Should_rebuild_the_same_state_by_replaying_its_journal_into_a_fresh_hybrid()
    {
        // arrange
        var original = Scripted();
        var fresh = new HybridFixture(Patient);

        // act
        foreach (var strategyEvent in original.Driver.Events)
        {
            fresh.Hybrid.Apply(strategyEvent);
        }

        // assert
        Assert.Equal(original.Hybrid.Snapshot(), fresh.Hybrid.Snapshot());
        Assert.Equal(2, original.Hybrid.State.Switches); // the activation and the switch; the extreme changes no child
    }

    [Fact]
    public void Should_decide_identically_on_two_runs_of_the_same_inputs()
    {
        // act
        var first = Scripted().Driver;
        var second = Scripted().Driver;

        // assert
        Assert.Equal(first.Events, second.Events);
        Assert.Equal(first.Commands, second.Commands);
    }

    [Fact]
    public void Should_allocate_nothing_on_idle_bars()
    {
        // arrange
        var fixture = new HybridFixture();
        fixture.GridRunning();
        var context = Context(T0);
        for (var i = 0; i < 2_000; i++)
        {
            Assert.True(fixture.Hybrid.OnKline(Bar(100 + i, 2000m), context).IsEmpty);
        }

        // act
        var next = 5_000;
        var allocated = Rari.TestKit.Allocations.Minimum(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var bar = new Kline(T0 + (next++ * MinuteMs), 2000m, 2000m, 2000m, 2000m, 1m);
                fixture.Hybrid.OnKline(bar, context);
            }
        });

        // assert
        Assert.Equal(0, allocated); // <--
    }

    [Fact]
    public void Should_allocate_nothing_on_idle_bars_with_the_real_detector_and_volatility_strategy()
    {
        // arrange
        var volatility = new VolatilityStrategy(VolId, Eth, VolatilitySettings.Default);
        var hybrid = new HybridStrategy(new StrategyId("hybrid"), Eth, new ObservingFakeChild("grid"), volatility, HybridSettings.Default);
        var context = Context(T0);
        hybrid.WarmUp(Enumerable.Range(0, 3_000).Select(i => Bar(i, 2000m)));
        Assert.Equal(MarketRegime.Ranging, hybrid.DetectedRegime);
        for (var i = 0; i < 2_000; i++)
        {
            var decision = hybrid.OnKline(Bar(3_000 + i, 2000m), context);
            foreach (var strategyEvent in decision.Events)
            {
                hybrid.Apply(strategyEvent);
            }
        }

        // act
        var before = GC.GetAllocatedBytesForCurrentThread();
        var events = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var bar = new Kline(T0 + ((5_000 + i) * MinuteMs), 2000m, 2000m, 2000m, 2000m, 1m);
            events += hybrid.OnKline(bar, context).Events.Count;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // assert
        Assert.Equal(0, events);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Should_feed_a_child_without_an_observer_through_one_bar_warm_ups()
    {
        // arrange
        var grid = new FakeChild("grid");
        var hybrid = new HybridStrategy(new StrategyId("hybrid"), Eth, grid, new ObservingFakeChild("vol"), new ScriptedRegime(), HybridSettings.Default);

        // act
        for (var i = 0; i < 3; i++)
        {
            hybrid.OnKline(Bar(i, 2000m), Context(CloseOf(Bar(i, 1m).OpenTimeMs)));
        }

        // assert
        Assert.Equal(3, grid.WarmedBars);
        Assert.Equal(0, grid.Decided);
    }

    [Fact]
    public void Should_refuse_children_it_cannot_switch_safely()
    {
        // arrange
        var plain = new PlainChild();
        var grid = new FakeChild("grid");
        var regime = new ScriptedRegime();
        var settings = HybridSettings.Default;

        // act and assert
        var noTransfer = Assert.Throws<ArgumentException>(() => new HybridStrategy(new("hybrid"), Eth, plain, grid, regime, settings));
        Assert.Contains(nameof(IPositionTransfer), noTransfer.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new HybridStrategy(new("hybrid"), Eth, grid, new FakeChild("grid"), regime, settings));
        Assert.Throws<ArgumentException>(() => new HybridStrategy(new("grid"), Eth, grid, new FakeChild("vol"), regime, settings));
        Assert.Throws<ArgumentException>(() => new HybridStrategy(new("hybrid"), new Symbol("BTCUSDT"), grid, new FakeChild("vol"), regime, settings));
    }

    private sealed class PlainChild : ITradingStrategy
    {
        public StrategyId Id => new("plain");

        public Symbol Symbol => Eth;

        public IReadOnlyCollection<ClientOrderId> OpenOrders => [];

        public void WarmUp(IEnumerable<Kline> closedKlines)
        {
        }

        public StrategyDecision OnKline(in Kline closedKline, in StrategyContext context) => StrategyDecision.None;

        public StrategyDecision OnBookTicker(BookTicker ticker, in StrategyContext context) => StrategyDecision.None;

        public StrategyDecision OnOrderEvent(Rari.Domain.Orders.IOrderEvent orderEvent, in StrategyContext context) => StrategyDecision.None;

        public void Apply(IStrategyEvent strategyEvent)
        {
        }

        public IStrategyState Snapshot() => new FakeState(Id, 0, null, 0m, 0);

        public void Restore(IStrategyState state)
        {
        }
    }
}
