using Rari.Domain.Orders;
using Rari.Domain.Strategies.Volatility;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Volatility;

public sealed class VolatilityPartialFillSpecs
{
    private static readonly long FillTimeMs = VolatilityScenario.SignalTimeMs + 1_000;

    private static VolatilitySettings TouchEntry { get; } = MeanReversionOnly with { EntryOrder = EntryOrderStyle.LimitAtTouch };

    [Fact]
    public void Should_place_no_exits_while_a_partly_filled_entry_is_still_working()
    {
        // arrange
        var scenario = VolatilityScenario.Signalled(TouchEntry);

        // act
        var decision = scenario.Driver.Order(Filled(scenario.Entry, 0.2m, 1970m, tradeId: 1), Context(FillTimeMs, position: 0.2m));

        // assert
        Assert.Single(decision.Events.OfType<FillRecorded>());
        Assert.Empty(decision.Commands);
        Assert.Equal(VolatilityPhase.Entering, scenario.Strategy.State.Phase);
        Assert.Equal(0.2m, scenario.Strategy.State.PositionQuantity);
    }

    [Fact]
    public void Should_size_the_exits_to_the_total_once_the_partial_fills_complete_the_entry()
    {
        // arrange
        var scenario = VolatilityScenario.Signalled(TouchEntry);
        scenario.Driver.Order(Filled(scenario.Entry, 0.2m, 1970m, tradeId: 1), Context(FillTimeMs, position: 0.2m));

        // act
        var decision = scenario.Driver.Order(Filled(scenario.Entry, 0.307m, 1969m, tradeId: 2), Context(FillTimeMs + 1, position: 0.507m));

        // assert
        var opened = decision.Single<PositionOpened>();
        Assert.Equal(0.507m, opened.Quantity);
        Assert.Equal(((0.2m * 1970m) + (0.307m * 1969m)) / 0.507m, opened.AveragePrice);
        Assert.All(decision.Places(), p => Assert.Equal(0.507m, p.Intent.Quantity)); // <--
    }

    [Fact]
    public void Should_cancel_a_partly_filled_entry_at_its_timeout_and_protect_only_what_filled()
    {
        // arrange
        var scenario = VolatilityScenario.Signalled(TouchEntry);
        scenario.Driver.Order(Filled(scenario.Entry, 0.2m, 1970m, tradeId: 1), Context(FillTimeMs, position: 0.2m));

        // act
        var early = scenario.Kline(12, 1971m, position: 0.2m); // 1 min after the signal
        var timedOut = scenario.Kline(13, 1972m, position: 0.2m); // 2 min after it
        var ended = scenario.Driver.Order(Canceled(scenario.Entry), Context(FillTimeMs + 130_000, position: 0.2m));

        // assert
        Assert.True(early.IsEmpty);
        Assert.Equal(scenario.Entry.ClientOrderId, Assert.Single(timedOut.Cancels()).ClientOrderId);
        Assert.Equal(0.2m, ended.Single<PositionOpened>().Quantity);
        Assert.Equal([0.2m, 0.2m], ended.Places().Select(p => p.Intent.Quantity!.Value)); // <--
        Assert.Equal(VolatilityPhase.InPosition, scenario.Strategy.State.Phase);
    }

    [Fact]
    public void Should_close_everything_when_an_entry_fill_is_reported_after_the_entry_ended()
    {
        // arrange
        var scenario = VolatilityScenario.Signalled(TouchEntry);
        scenario.Driver.Order(Filled(scenario.Entry, 0.2m, 1970m, tradeId: 1), Context(FillTimeMs, position: 0.2m));
        scenario.Driver.Order(Canceled(scenario.Entry), Context(FillTimeMs + 1, position: 0.2m));

        // act: the stream's fill arrives after the REST cancel answer
        var late = scenario.Driver.Order(Filled(scenario.Entry, 0.1m, 1970m, tradeId: 2), Context(FillTimeMs + 2, position: 0.3m));

        // assert
        var close = late.Single<PositionCloseRequested>();
        Assert.Equal((ExitReason.ExitOrderLost, 0.3m), (close.Reason, close.Order.Quantity!.Value)); // <--
        Assert.Equal(0.3m, scenario.Strategy.State.PositionQuantity);
    }

    [Fact]
    public void Should_protect_what_an_immediate_or_cancel_entry_filled_before_it_expired()
    {
        // arrange
        var scenario = VolatilityScenario.Signalled(MeanReversionOnly with { EntryOrder = EntryOrderStyle.MarketableLimit });
        scenario.Driver.Order(Filled(scenario.Entry, 0.3m, 1970m, tradeId: 1), Context(FillTimeMs, position: 0.3m));

        // act
        var decision = scenario.Driver.Order(
            new OrderExpired(Eth, scenario.Entry.ClientOrderId, FillTimeMs + 1), Context(FillTimeMs + 1, position: 0.3m));

        // assert
        Assert.Equal([0.3m, 0.3m], decision.Places().Select(p => p.Intent.Quantity!.Value));
    }

    [Fact]
    public void Should_return_to_flat_when_the_entry_ends_without_a_fill()
    {
        // arrange
        var scenario = VolatilityScenario.Signalled(TouchEntry);

        // act
        var decision = scenario.Driver.Order(Canceled(scenario.Entry), Context(FillTimeMs));

        // assert
        Assert.Empty(decision.Commands);
        Assert.Equal(VolatilityPhase.Flat, scenario.Strategy.State.Phase);
        Assert.Empty(scenario.Strategy.OpenOrders);
    }

    [Fact]
    public void Should_count_a_repeated_execution_report_once()
    {
        // arrange
        var scenario = VolatilityScenario.Signalled(TouchEntry);
        var fill = Filled(scenario.Entry, 0.2m, 1970m, tradeId: 7);
        scenario.Driver.Order(fill, Context(FillTimeMs, position: 0.2m));

        // act
        var repeated = scenario.Driver.Order(fill, Context(FillTimeMs + 5, position: 0.2m));

        // assert
        Assert.True(repeated.IsEmpty);
        Assert.Equal(0.2m, scenario.Strategy.State.PositionQuantity);
    }

    [Fact]
    public void Should_close_only_once_the_partial_exit_fills_add_up_to_the_position()
    {
        // arrange
        var scenario = VolatilityScenario.InPosition();

        // act
        var first = scenario.Driver.Order(Filled(scenario.StopLoss!, 0.3m, 1910.9m, tradeId: 2), Context(FillTimeMs + 60_000, position: 0.207m));
        var second = scenario.Driver.Order(Filled(scenario.StopLoss!, 0.207m, 1910.8m, tradeId: 3), Context(FillTimeMs + 60_001));

        // assert
        Assert.Empty(first.Commands);
        Assert.Empty(first.Events.OfType<PositionClosed>());
        var closed = second.Single<PositionClosed>();
        Assert.Equal(0.507m, closed.Quantity);
        Assert.Equal((0.3m * 1910.9m) + (0.207m * 1910.8m) - (0.507m * 1970m) - 0.4m, closed.RealizedPnl);
    }
}
