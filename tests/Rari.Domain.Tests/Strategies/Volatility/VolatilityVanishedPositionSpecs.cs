using Rari.Domain.Orders;
using Rari.Domain.Strategies.Volatility;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Volatility;

/// <summary>
/// The venue refuses a reduce-only exit because there is nothing to reduce (−2022): the position the strategy tracks is
/// gone (closed by hand, liquidated, or never there as recorded). Retrying would be refused the same way forever.
/// </summary>
public sealed class VolatilityVanishedPositionSpecs
{
    private static readonly long FillTimeMs = VolatilityScenario.SignalTimeMs + 1_000;

    private static OrderRejected NothingToReduce(OrderIntent intent) =>
        new(intent.Symbol, intent.ClientOrderId, RejectionCodes.NothingToReduce, "ReduceOnly Order is rejected.", FillTimeMs + 5);

    [Fact]
    public void Should_forget_the_position_and_cancel_the_other_exit_when_the_venue_and_the_account_hold_nothing()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();

        // act
        var decision = scenario.Driver.Order(NothingToReduce(scenario.StopLoss!), Context(FillTimeMs + 5, position: 0m));

        // assert
        var vanished = decision.Single<PositionVanished>();
        Assert.Equal((PositionDirection.Long, 0.507m, scenario.StopLoss!.ClientOrderId), (vanished.Direction, vanished.Quantity, vanished.RefusedOrder)); // <--
        Assert.Equal(scenario.TakeProfit!.ClientOrderId, Assert.Single(decision.Cancels()).ClientOrderId);
        Assert.Empty(decision.Places()); // no reduce-only close that would be refused again
        Assert.Equal(VolatilityPhase.Flat, scenario.Strategy.State.Phase);
        Assert.Equal(0m, scenario.Strategy.State.RealizedPnl);
        Assert.Equal(0, scenario.Strategy.State.Stats.TradeCount);
    }

    [Fact]
    public void Should_treat_the_account_holding_the_opposite_side_as_nothing_to_reduce()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();

        // act
        var decision = scenario.Driver.Order(NothingToReduce(scenario.TakeProfit!), Context(FillTimeMs + 5, position: -0.2m));

        // assert
        Assert.Equal(-0.2m, decision.Single<PositionVanished>().AccountPosition);
    }

    [Fact]
    public void Should_close_at_market_as_for_any_lost_exit_while_the_account_view_still_shows_the_position()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();

        // act: the account view may lag the venue, so this refusal alone is not proof
        var decision = scenario.Driver.Order(NothingToReduce(scenario.TakeProfit!), Context(FillTimeMs + 5, position: 0.507m));

        // assert
        Assert.Empty(decision.Events.OfType<PositionVanished>());
        var close = Assert.Single(decision.Places()).Intent;
        Assert.Equal((OrderType.Market, OrderSide.Sell, true), (close.Type, close.Side, close.ReduceOnly));
        Assert.Equal(VolatilityPhase.Exiting, scenario.Strategy.State.Phase);
    }

    [Fact]
    public void Should_stop_retrying_a_refused_close_once_the_account_view_shows_nothing_to_reduce()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();
        var lost = scenario.Driver.Order(NothingToReduce(scenario.TakeProfit!), Context(FillTimeMs + 5, position: 0.507m));
        var close = Assert.Single(lost.Places()).Intent;

        // act
        var refused = scenario.Driver.Order(NothingToReduce(close), Context(FillTimeMs + 10, position: 0m));
        var nextBars = Enumerable.Range(12, 3).Select(i => scenario.Kline(i, 1975m, position: 0m)).ToArray();

        // assert
        Assert.Single(refused.Events.OfType<PositionVanished>());
        Assert.Equal(scenario.StopLoss!.ClientOrderId, Assert.Single(refused.Cancels()).ClientOrderId);
        Assert.All(nextBars, bar => Assert.DoesNotContain(bar.Places(), p => p.Intent.ReduceOnly)); // <--
    }

    [Fact]
    public void Should_restore_the_same_flat_state_after_a_vanished_position()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();
        scenario.Driver.Order(NothingToReduce(scenario.StopLoss!), Context(FillTimeMs + 5, position: 0m));

        // act
        var restore = new VolatilityStrategy(VolId, Eth, MeanReversionOnly);
        restore.Restore(scenario.Strategy.Snapshot());

        // assert
        Assert.Equal(scenario.Strategy.State, restore.State);
        Assert.Empty(restore.OpenOrders);
        Assert.Equal(VolatilityPhase.Flat, restore.State.Phase);
    }
}
