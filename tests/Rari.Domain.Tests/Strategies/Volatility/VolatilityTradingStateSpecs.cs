using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Volatility;
using Rari.TestKit;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Volatility;

public sealed class VolatilityTradingStateSpecs
{
    private static readonly long FillTimeMs = VolatilityScenario.SignalTimeMs + 1_000;

    private static VolatilityStrategy Armed(VolatilitySettings? settings = null)
    {
        var strategy = new VolatilityStrategy(VolId, Eth, settings ?? MeanReversionOnly);
        strategy.WarmUp(Enumerable.Range(0, 10).Select(i => Bar(i, 2000m)).Append(Bar(10, 1960m)));
        return strategy;
    }

    [Theory]
    [InlineData(TradingState.Reducing)]
    [InlineData(TradingState.Halted)]
    public void Should_open_nothing_on_a_signal_unless_trading_is_active(TradingState state)
    {
        // arrange
        var strategy = Armed();
        var confirmation = Bar(11, 1970m, open: 1960m);

        // act
        var decision = strategy.OnKline(confirmation, Context(CloseOf(confirmation.OpenTimeMs), state: state));

        // assert
        Assert.True(decision.IsEmpty);
    }

    [Fact]
    public void Should_cancel_a_resting_entry_when_the_symbol_starts_reducing()
    {
        // arrange
        var scenario = VolatilityScenario.Signalled(MeanReversionOnly with { EntryOrder = EntryOrderStyle.LimitAtTouch });

        // act
        var decision = scenario.Kline(12, 1975m, position: 0m, state: TradingState.Reducing);

        // assert
        Assert.Equal(scenario.Entry.ClientOrderId, Assert.Single(decision.Cancels()).ClientOrderId);
        Assert.Empty(decision.Places());
    }

    [Fact]
    public void Should_keep_managing_exits_while_reducing()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition(MeanReversionOnly with { TrailingEnabled = true });

        // act
        var decision = scenario.Kline(12, 2025m, high: 2030m, state: TradingState.Reducing);

        // assert
        Assert.Single(decision.Events.OfType<TrailingStopMoved>());
    }

    [Fact]
    public void Should_send_no_new_order_while_halted_even_when_the_holding_time_runs_out()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition(MeanReversionOnly with { MaxHoldingTime = TimeSpan.FromMinutes(5), TrailingEnabled = true });

        // act
        var halted = scenario.Kline(20, 2025m, high: 2030m, state: TradingState.Halted);
        var resumed = scenario.Kline(21, 2025m);

        // assert
        Assert.True(halted.IsEmpty);
        Assert.Equal(ExitReason.TimeExit, resumed.Single<PositionCloseRequested>().Reason);
    }

    [Fact]
    public void Should_protect_a_position_opened_while_halted_on_the_first_bar_after_the_halt()
    {
        // arrange
        var scenario = VolatilityScenario.Signalled();
        var opened = scenario.Driver.Order(
            Filled(scenario.Entry, 0.507m, 1970m, tradeId: 1), Context(FillTimeMs, position: 0.507m, state: TradingState.Halted));

        // act
        var stillHalted = scenario.Kline(12, 1975m, state: TradingState.Halted);
        var resumed = scenario.Kline(13, 1975m);

        // assert
        Assert.Single(opened.Events.OfType<PositionOpened>());
        Assert.Empty(opened.Commands);
        Assert.True(stillHalted.IsEmpty);
        Assert.Equal([1910.9m, 2068.5m], resumed.Places().Select(p => p.Intent.StopPrice!.Value)); // <--
    }

    [Fact]
    public void Should_ignore_order_events_for_orders_it_does_not_own()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();
        var foreign = OrderIntent.Create(Ids.Create(new StrategyId("grid"), Eth, 2), new StrategyId("grid"), Eth, OrderSide.Sell, OrderType.Market, 0.507m);
        var before = scenario.Strategy.Snapshot();

        // act
        var filled = scenario.Strategy.OnOrderEvent(Filled(foreign, 0.507m, 1900m, tradeId: 99), Context(FillTimeMs + 10));
        var canceled = scenario.Strategy.OnOrderEvent(Canceled(foreign), Context(FillTimeMs + 10));
        var otherSymbol = scenario.Strategy.OnOrderEvent(
            new OrderCanceled(new Symbol("BTCUSDT"), scenario.StopLoss!.ClientOrderId, FillTimeMs), Context(FillTimeMs + 10));

        // assert
        Assert.True(filled.IsEmpty);
        Assert.True(canceled.IsEmpty);
        Assert.True(otherSymbol.IsEmpty);
        Assert.Equal(before, scenario.Strategy.Snapshot());
    }

    [Fact]
    public void Should_record_once_that_a_position_it_does_not_own_blocks_entries()
    {
        // arrange
        var strategy = Armed();
        var driver = new StrategyDriver(strategy);
        var confirmation = Bar(11, 1970m, open: 1960m);

        // act
        var first = driver.Kline(confirmation, Context(CloseOf(confirmation.OpenTimeMs), position: 1.5m));
        var later = new List<StrategyDecision>();
        for (var i = 12; i < 17; i++)
        {
            later.Add(driver.Kline(Bar(i, 2000m), Context(CloseOf(Bar(i, 1m).OpenTimeMs), position: 1.5m)));
        }

        later.Add(driver.Kline(Bar(17, 1960m), Context(CloseOf(Bar(17, 1m).OpenTimeMs), position: 1.5m)));
        var again = driver.Kline(Bar(18, 1970m, open: 1960m), Context(CloseOf(Bar(18, 1m).OpenTimeMs), position: 1.5m));

        // assert
        var skipped = first.Single<EntrySkipped>();
        Assert.Equal(EntrySkipReason.ForeignPosition, skipped.Reason);
        Assert.Equal("the account holds 1.5 ETHUSDT that this strategy does not own", skipped.Detail);
        Assert.All(later, d => Assert.True(d.IsEmpty));
        Assert.True(strategy.Signals.Signal.IsEntry); // a second signal…
        Assert.True(again.IsEmpty); // …for the same reason is not recorded again <--
        Assert.Empty(driver.Commands);
    }

    [Fact]
    public void Should_record_a_signal_too_small_to_trade()
    {
        // arrange
        var strategy = Armed();
        var confirmation = Bar(11, 1970m, open: 1960m);

        // act
        var decision = strategy.OnKline(confirmation, Context(CloseOf(confirmation.OpenTimeMs), equity: 5m, available: 5m));

        // assert
        var skipped = decision.Single<EntrySkipped>();
        Assert.Equal(EntrySkipReason.BelowMinimum, skipped.Reason);
        Assert.Empty(decision.Commands);
    }
}
