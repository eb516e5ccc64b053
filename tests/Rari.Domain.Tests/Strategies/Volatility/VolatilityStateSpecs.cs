using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Volatility;
using Rari.TestKit;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Volatility;

public sealed class VolatilityStateSpecs
{
    private static readonly long FillTimeMs = VolatilityScenario.SignalTimeMs + 1_000;

    [Fact]
    public void Should_restore_a_snapshot_into_an_equal_state_with_the_same_open_orders()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition(MeanReversionOnly with { TrailingEnabled = true });
        scenario.Kline(12, 2025m, high: 2030m);
        var snapshot = scenario.Strategy.Snapshot();
        var restored = new VolatilityStrategy(VolId, Eth, MeanReversionOnly with { TrailingEnabled = true });

        // act
        restored.Restore(snapshot);

        // assert
        Assert.Equal(snapshot, restored.Snapshot());
        Assert.Equal(scenario.Strategy.OpenOrders, restored.OpenOrders);
        Assert.Equal(3, restored.OpenOrders.Count); // the moved stop, its predecessor awaiting the cancel, the take-profit
    }

    [Fact]
    public void Should_compare_states_by_value_after_replaying_the_same_events()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();
        scenario.Driver.Order(Filled(scenario.StopLoss!, 0.3m, 1910.9m, tradeId: 2), Context(FillTimeMs + 10, position: 0.207m));
        var fresh = new VolatilityStrategy(VolId, Eth, MeanReversionOnly);

        // act
        foreach (var strategyEvent in scenario.Driver.Events)
        {
            fresh.Apply(strategyEvent);
        }

        // assert
        Assert.Equal(scenario.Strategy.State, fresh.State); // <--
        Assert.NotSame(scenario.Strategy.State, fresh.State);
    }

    [Fact]
    public void Should_refuse_a_snapshot_or_event_of_another_strategy()
    {
        // arrange
        var strategy = new VolatilityStrategy(VolId, Eth, MeanReversionOnly);
        var other = new VolatilityState(new Rari.Domain.Identifiers.StrategyId("other"), Eth);

        // act and assert
        Assert.Throws<ArgumentException>(() => strategy.Restore(other));
        Assert.Throws<ArgumentException>(() => strategy.Apply(new PositionReleased(other.StrategyId, Eth, T0, "x")));
    }

    [Fact]
    public void Should_protect_an_inherited_position_on_its_next_bar()
    {
        // arrange
        var strategy = new VolatilityStrategy(VolId, Eth, MeanReversionOnly);
        var driver = new StrategyDriver(strategy);
        var inherited = ((IPositionTransfer)strategy).InheritPosition(-0.4m, 2000m, T0);
        strategy.Apply(inherited);

        // act
        var decision = driver.Kline(Bar(0, 1995m), Context(CloseOf(T0), position: -0.4m, entryPrice: 2000m));

        // assert
        Assert.Equal(new PositionInherited(VolId, Eth, T0, PositionDirection.Short, 0.4m, 2000m, 60m), inherited);
        Assert.Equal(VolatilityPhase.InPosition, strategy.State.Phase);
        var places = decision.Places();
        Assert.Equal([2060m, 1900m], places.Select(p => p.Intent.StopPrice!.Value)); // 2000 × 1.03, 2000 × 0.95
        Assert.All(places, p => Assert.Equal((Rari.Domain.Orders.OrderSide.Buy, 0.4m, true), (p.Intent.Side, p.Intent.Quantity!.Value, p.Intent.ReduceOnly)));
    }

    [Fact]
    public void Should_forget_the_round_trip_but_keep_sequence_and_statistics_when_released()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();
        var sequence = scenario.Strategy.State.Sequence;

        // act
        scenario.Strategy.Apply(((IPositionTransfer)scenario.Strategy).ReleasePosition(FillTimeMs, "hybrid switch"));

        // assert
        Assert.Equal(VolatilityPhase.Flat, scenario.Strategy.State.Phase);
        Assert.Empty(scenario.Strategy.OpenOrders);
        Assert.Equal(sequence, scenario.Strategy.State.Sequence); // ids are never reused
    }

    [Fact]
    public void Should_refuse_to_inherit_a_position_while_not_flat()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();

        // act and assert
        Assert.Throws<InvalidOperationException>(() => ((IPositionTransfer)scenario.Strategy).InheritPosition(1m, 2000m, T0));
    }

    [Fact]
    public void Should_list_every_invalid_setting()
    {
        // arrange
        var settings = VolatilitySettings.Default with { ExpansionLongWindow = 5, RiskPerTrade = 0m, StopLossPercent = 1m };

        // act
        var errors = settings.Validate();

        // assert
        Assert.Equal(
            [
                "expansion-long-window = 5: must be longer than the short window (10).",
                "risk-per-trade = 0: must be in (0, 0.5].",
                "stop-loss-percent = 1: must be in (0, 1).",
            ],
            errors);
        Assert.Throws<ArgumentException>(() => new VolatilityStrategy(VolId, Eth, settings));
    }
}
