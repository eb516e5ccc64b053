using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Grid;

public sealed class GridStateSpecs
{
    private static readonly GridSettings Busy = GridHarness.ArithmeticNeutral with
    {
        Spacing = 0.002m,
        LevelCount = 12,
        NotionalPerLevel = 100m,
        RecentreAfterBars = 20,
        StopLossDistance = 0.004m,
        CooldownBars = 30,
    };

    [Fact]
    public void Should_give_back_an_equal_state_after_a_snapshot_and_restore()
    {
        // arrange
        var simulator = Simulate(Busy, seed: 11, bars: 3_000);
        var snapshot = simulator.Strategy.Snapshot();
        var fresh = NewStrategy(Busy);

        // act
        fresh.Restore(snapshot);

        // assert
        Assert.Equal(snapshot, fresh.Snapshot());
        Assert.Equal(simulator.Strategy.OpenOrders.OrderBy(i => i.Value), fresh.OpenOrders.OrderBy(i => i.Value));
        Assert.NotEmpty(simulator.Journal.OfType<GridOrderFilled>());
    }

    [Fact]
    public void Should_rebuild_the_same_state_by_replaying_the_journal_into_a_fresh_strategy()
    {
        // arrange
        var simulator = Simulate(Busy, seed: 12, bars: 5_000);
        var fresh = NewStrategy(Busy);

        // act
        foreach (var strategyEvent in simulator.Journal)
        {
            fresh.Apply(strategyEvent);
        }

        // assert
        Assert.Equal(simulator.Strategy.Snapshot(), fresh.Snapshot()); // <--
        Assert.NotSame(simulator.Strategy.Snapshot(), fresh.Snapshot());
        Assert.Contains(simulator.Journal, e => e is GridRecentred);
        Assert.Contains(simulator.Journal, e => e is GridStopped);
    }

    [Fact]
    public void Should_decide_identically_in_two_runs_over_the_same_inputs()
    {
        // arrange
        var first = Simulate(Busy, seed: 13, bars: 4_000);

        // act
        var second = Simulate(Busy, seed: 13, bars: 4_000);

        // assert
        Assert.Equal(first.Decisions.Count, second.Decisions.Count);
        for (var i = 0; i < first.Decisions.Count; i++)
        {
            Assert.Equal(first.Decisions[i].Events, second.Decisions[i].Events);
            Assert.Equal(first.Decisions[i].Commands, second.Decisions[i].Commands);
        }
    }

    [Fact]
    public void Should_continue_like_the_original_after_a_restore_and_a_warm_up()
    {
        // arrange
        var klines = Walk(14, 6_000);
        var original = new GridVenueSimulator(NewStrategy(Busy), TestInstruments.BtcUsdt);
        original.Run(klines.Take(3_000));
        var restored = NewStrategy(Busy);
        restored.Restore(original.Strategy.Snapshot());
        restored.WarmUp(klines.Take(3_000).Skip(2_900));

        // act
        var next = klines[3_000];
        var context = TestStrategyContexts.For(TestInstruments.BtcUsdt, next.OpenTimeMs + 60_000, markPrice: next.Close, positionQuantity: original.Position);
        var fromOriginal = original.Strategy.OnKline(next, context);
        var fromRestored = restored.OnKline(next, context);

        // assert
        Assert.Equal(fromOriginal.Events, fromRestored.Events);
        Assert.Equal(fromOriginal.Commands, fromRestored.Commands);
    }

    [Fact]
    public void Should_refuse_to_restore_another_strategys_state()
    {
        // arrange
        var strategy = NewStrategy(Busy);
        var other = GridState.Initial(new StrategyId("other"), TestInstruments.BtcUsdt.Symbol, Busy);

        // act
        var error = Assert.Throws<ArgumentException>(() => strategy.Restore(other));

        // assert
        Assert.Equal("state", error.ParamName);
    }

    [Fact]
    public void Should_refuse_to_apply_an_event_of_another_strategy()
    {
        // arrange
        var strategy = NewStrategy(Busy);
        var foreign = new GridRefused(new StrategyId("other"), TestInstruments.BtcUsdt.Symbol, 0, new GridRefusal(GridRefusalCode.TooManyOrders, "x"));

        // act and assert
        Assert.Throws<ArgumentException>(() => strategy.Apply(foreign));
    }

    [Fact]
    public void Should_compare_value_lists_by_their_elements()
    {
        // arrange
        var left = ValueList.Of(1m, 2m, 3m);
        var right = ValueList.From(new[] { 1m, 2m }).Add(3m);

        // act and assert
        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, right.SetItem(0, 9m));
        Assert.Equal(ValueList.Of(1m, 3m), left.RemoveAt(1));
        Assert.Same(ValueList.Empty<decimal>(), ValueList.Of(5m).RemoveAt(0));
    }

    [Fact]
    public void Should_hold_the_original_tools_defaults()
    {
        // arrange
        var settings = GridSettings.Default;

        // act
        var problems = settings.Problems();

        // assert
        Assert.Empty(problems);
        Assert.Equal(
            (10, 0.02m, 50m, false, GridDirection.Neutral),
            (settings.LevelCount, settings.Spacing, settings.NotionalPerLevel, settings.PostOnly, settings.Direction));
    }

    [Fact]
    public void Should_list_every_invalid_setting_with_its_name_and_the_rule()
    {
        // arrange
        var settings = GridSettings.Default with
        {
            LevelCount = 1,
            RangeSource = GridRangeSource.Explicit,
            LowerPrice = 200m,
            UpperPrice = 100m,
            LiquidityShare = 0m,
            MaxSpacing = 0.001m,
        };

        // act
        var error = Assert.Throws<ArgumentException>(() => new GridStrategy(new StrategyId("grid"), TestInstruments.BtcUsdt.Symbol, settings));

        // assert
        Assert.Equal(
            "Invalid grid settings:\n" +
            "LevelCount = 1: a grid needs 2 to 500 levels\n" +
            "UpperPrice = 100: an explicit range needs an upper price above the lower one\n" +
            "MaxSpacing = 0.001: a spacing below 1 and not below MinSpacing\n" +
            "LiquidityShare = 0: a share above 0 and at most 1",
            error.Message);
    }

    [Fact]
    public void Should_refuse_a_strategy_id_that_cannot_go_into_a_client_order_id()
    {
        // act and assert
        Assert.Throws<ArgumentException>(() => new GridStrategy(new StrategyId("grid-with-dash"), TestInstruments.BtcUsdt.Symbol, Busy));
    }

    internal static GridStrategy NewStrategy(GridSettings settings) =>
        new(new StrategyId("grid"), TestInstruments.BtcUsdt.Symbol, settings);

    private static GridVenueSimulator Simulate(GridSettings settings, int seed, int bars)
    {
        var simulator = new GridVenueSimulator(NewStrategy(settings), TestInstruments.BtcUsdt);
        simulator.Run(Walk(seed, bars));
        Assert.Empty(simulator.Violations);
        return simulator;
    }

    private static IReadOnlyList<Kline> Walk(int seed, int bars) =>
        TestKlines.RandomWalk(seed, TestKlines.Jan2024Ms, bars, startPrice: 30_000m, tick: 2m);
}
