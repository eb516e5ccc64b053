using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Volatility;
using Rari.TestKit;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Volatility;

public sealed class VolatilityExitSpecs
{
    private static readonly long FillTimeMs = VolatilityScenario.SignalTimeMs + 1_000;

    [Fact]
    public void Should_place_reduce_only_stop_loss_and_take_profit_for_the_filled_quantity_when_the_entry_fills()
    {
        // arrange
        var scenario = VolatilityScenario.Signalled();

        // act
        var decision = scenario.Driver.Order(Filled(scenario.Entry, 0.507m, 1970m, tradeId: 1), Context(FillTimeMs, position: 0.507m));

        // assert
        var opened = decision.Single<PositionOpened>();
        Assert.Equal((PositionDirection.Long, 0.507m, 1970m), (opened.Direction, opened.Quantity, opened.AveragePrice));
        var places = decision.Places();
        Assert.Equal(2, places.Count);
        var stop = places[0].Intent;
        var target = places[1].Intent;
        Assert.Equal((OrderType.StopMarket, OrderSide.Sell, 0.507m, 1910.9m, true), (stop.Type, stop.Side, stop.Quantity, stop.StopPrice, stop.ReduceOnly)); // 1970 × 0.97
        Assert.Equal((OrderType.TakeProfitMarket, OrderSide.Sell, 0.507m, 2068.5m, true), (target.Type, target.Side, target.Quantity, target.StopPrice, target.ReduceOnly)); // 1970 × 1.05
        Assert.Equal(VolatilityPhase.InPosition, scenario.Strategy.State.Phase);
        Assert.Equal([stop.ClientOrderId, target.ClientOrderId], scenario.Strategy.OpenOrders);
    }

    [Fact]
    public void Should_record_the_loss_and_cancel_the_take_profit_when_the_stop_fills()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();

        // act
        var decision = scenario.Driver.Order(Filled(scenario.StopLoss!, 0.507m, 1910.9m, tradeId: 2, fee: 0.39m), Context(FillTimeMs + 60_000));

        // assert
        var closed = decision.Single<PositionClosed>();
        Assert.Equal(ExitReason.StopLoss, closed.Reason);
        Assert.Equal(0.79m, closed.Fees);
        Assert.Equal(((1910.9m - 1970m) * 0.507m) - 0.79m, closed.RealizedPnl); // −29.9637 − 0.79 = −30.7537 <--
        var cancel = Assert.Single(decision.Cancels());
        Assert.Equal(scenario.TakeProfit!.ClientOrderId, cancel.ClientOrderId);
        Assert.Equal(VolatilityPhase.Exiting, scenario.Strategy.State.Phase);
    }

    [Fact]
    public void Should_return_to_flat_once_the_cancel_of_the_other_exit_is_confirmed()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();
        scenario.Driver.Order(Filled(scenario.StopLoss!, 0.507m, 1910.9m, tradeId: 2), Context(FillTimeMs + 60_000));

        // act
        scenario.Driver.Order(Canceled(scenario.TakeProfit!), Context(FillTimeMs + 61_000));

        // assert
        var state = scenario.Strategy.State;
        Assert.Equal(VolatilityPhase.Flat, state.Phase);
        Assert.Empty(scenario.Strategy.OpenOrders);
        Assert.Equal(1, state.Stats.Losses);
        Assert.Equal(3, state.Sequence); // entry, stop, take-profit
    }

    [Fact]
    public void Should_enter_nothing_while_a_leftover_exit_may_still_trade()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();
        scenario.Driver.Order(Filled(scenario.StopLoss!, 0.507m, 1910.9m, tradeId: 2), Context(FillTimeMs + 60_000));

        // act: the flat bars, a new extreme and its confirmation, while the take-profit's cancel is unconfirmed
        var decisions = new List<StrategyDecision>();
        for (var i = 12; i < 22; i++)
        {
            decisions.Add(scenario.Kline(i, 2000m, position: 0m));
        }

        decisions.Add(scenario.Kline(22, 1960m, position: 0m));
        decisions.Add(scenario.Kline(23, 1970m, position: 0m));

        // assert
        Assert.All(decisions, d => Assert.Empty(d.Places()));
        Assert.Equal(VolatilityPhase.Exiting, scenario.Strategy.State.Phase);
    }

    [Fact]
    public void Should_record_the_profit_and_cancel_the_stop_when_the_take_profit_fills()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();

        // act
        var decision = scenario.Driver.Order(Filled(scenario.TakeProfit!, 0.507m, 2068.5m, tradeId: 2, fee: 0.42m), Context(FillTimeMs + 60_000));

        // assert
        var closed = decision.Single<PositionClosed>();
        Assert.Equal(ExitReason.TakeProfit, closed.Reason);
        Assert.Equal(((2068.5m - 1970m) * 0.507m) - 0.82m, closed.RealizedPnl);
        Assert.Equal(scenario.StopLoss!.ClientOrderId, Assert.Single(decision.Cancels()).ClientOrderId);
    }

    [Fact]
    public void Should_trail_the_stop_up_with_the_high_and_never_down()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition(MeanReversionOnly with { TrailingEnabled = true });

        // act
        var up = scenario.Kline(12, 2025m, high: 2030m);
        var down = scenario.Kline(13, 1990m, high: 2000m, low: 1985m);
        var tiny = scenario.Kline(14, 2028m, high: 2031m);

        // assert
        var moved = up.Single<TrailingStopMoved>();
        Assert.Equal(1969.1m, moved.StopLoss.StopPrice); // 2030 × 0.97 <--
        Assert.Equal(scenario.StopLoss!.ClientOrderId, moved.Replaced);
        Assert.Equal(OrderType.StopMarket, Assert.Single(up.Places()).Intent.Type);
        Assert.Equal(scenario.StopLoss.ClientOrderId, Assert.Single(up.Cancels()).ClientOrderId);
        Assert.True(down.IsEmpty); // a lower high never moves the stop down
        Assert.True(tiny.IsEmpty); // 2031 × 0.97 = 1970.07 is less than the 0.1 % minimum step above 1969.1
        Assert.Equal(1969.1m, scenario.Strategy.State.StopPrice);
    }

    [Fact]
    public void Should_report_a_trailing_stop_exit_when_the_moved_stop_fills()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition(MeanReversionOnly with { TrailingEnabled = true });
        var moved = scenario.Kline(12, 2025m, high: 2030m).Single<TrailingStopMoved>();

        // act
        scenario.Driver.Order(Canceled(scenario.StopLoss!), Context(FillTimeMs + 120_000, position: 0.507m));
        var decision = scenario.Driver.Order(Filled(moved.StopLoss, 0.507m, 1969.1m, tradeId: 3), Context(FillTimeMs + 180_000));

        // assert
        Assert.Equal(ExitReason.TrailingStop, decision.Single<PositionClosed>().Reason);
        Assert.Equal(scenario.TakeProfit!.ClientOrderId, Assert.Single(decision.Cancels()).ClientOrderId);
    }

    [Fact]
    public void Should_not_trail_to_a_stop_the_last_price_has_already_passed()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition(MeanReversionOnly with { TrailingEnabled = true });

        // act: a spike to 2100 that closes at 2000, below the 2037 stop it would call for
        var decision = scenario.Kline(12, 2000m, high: 2100m);

        // assert
        Assert.True(decision.IsEmpty);
    }

    [Fact]
    public void Should_trail_a_short_stop_down_with_the_low()
    {
        // arrange
        var strategy = new VolatilityStrategy(VolId, Eth, MeanReversionOnly with { TrailingEnabled = true });
        strategy.WarmUp(Enumerable.Range(0, 10).Select(i => Bar(i, 2000m)).Append(Bar(10, 2040m)));
        var driver = new StrategyDriver(strategy);
        var entry = Assert.Single(driver.Kline(Bar(11, 2030m, open: 2040m), Context(CloseOf(Bar(11, 2030m).OpenTimeMs))).Places()).Intent;
        var opened = driver.Order(Filled(entry, entry.Quantity!.Value, 2030m, tradeId: 1), Context(FillTimeMs, position: -entry.Quantity.Value));

        // act
        var bar = Bar(12, 1975m, low: 1970m, high: 1980m);
        var decision = driver.Kline(bar, Context(CloseOf(bar.OpenTimeMs), position: -entry.Quantity.Value));

        // assert
        Assert.Equal(2090.9m, opened.Places()[0].Intent.StopPrice); // 2030 × 1.03
        Assert.Equal(1928.5m, opened.Places()[1].Intent.StopPrice); // 2030 × 0.95
        Assert.Equal(2029.1m, decision.Single<TrailingStopMoved>().StopLoss.StopPrice); // 1970 × 1.03
    }

    [Fact]
    public void Should_close_at_market_when_the_holding_time_runs_out()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition(MeanReversionOnly with { MaxHoldingTime = TimeSpan.FromHours(1) });

        // act
        var before = scenario.Kline(71, 1980m); // closes 59 min 59 s after the fill
        var due = scenario.Kline(72, 1980m); // 60 min 59 s after it
        var fill = scenario.Driver.Order(
            Filled(due.Places()[0].Intent, 0.507m, 1980m, tradeId: 2), Context(CloseOf(Bar(72, 1m).OpenTimeMs) + 500));

        // assert
        Assert.True(before.IsEmpty);
        var close = due.Single<PositionCloseRequested>();
        Assert.Equal(ExitReason.TimeExit, close.Reason);
        Assert.Equal((OrderType.Market, OrderSide.Sell, 0.507m, true), (close.Order.Type, close.Order.Side, close.Order.Quantity, close.Order.ReduceOnly));
        Assert.Equal(ExitReason.TimeExit, fill.Single<PositionClosed>().Reason);
        Assert.Equal(2, fill.Cancels().Count); // stop and take-profit
    }

    [Fact]
    public void Should_close_at_market_when_the_venue_rejects_the_stop()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();

        // act
        var decision = scenario.Driver.Order(Rejected(scenario.StopLoss!), Context(FillTimeMs + 500, position: 0.507m));

        // assert
        var close = decision.Single<PositionCloseRequested>();
        Assert.Equal(ExitReason.ExitOrderLost, close.Reason);
        Assert.Equal(0.507m, close.Order.Quantity);
        Assert.True(close.Order.ReduceOnly);
    }

    [Fact]
    public void Should_not_treat_its_own_cancelled_stop_as_lost()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition(MeanReversionOnly with { TrailingEnabled = true });
        scenario.Kline(12, 2025m, high: 2030m);

        // act
        var decision = scenario.Driver.Order(Canceled(scenario.StopLoss!), Context(FillTimeMs + 120_000, position: 0.507m));

        // assert
        Assert.Single(decision.Events.OfType<OrderEnded>());
        Assert.Empty(decision.Commands);
    }

    [Fact]
    public void Should_retry_a_rejected_market_close_on_the_next_bar()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition(MeanReversionOnly with { MaxHoldingTime = TimeSpan.FromMinutes(5) });
        var close = scenario.Kline(17, 1980m).Single<PositionCloseRequested>().Order;
        scenario.Driver.Order(Rejected(close), Context(CloseOf(Bar(17, 1m).OpenTimeMs) + 10, position: 0.507m));

        // act
        var retry = scenario.Kline(18, 1980m);

        // assert
        var again = retry.Single<PositionCloseRequested>();
        Assert.Equal(ExitReason.TimeExit, again.Reason);
        Assert.NotEqual(close.ClientOrderId, again.Order.ClientOrderId);
    }
}
