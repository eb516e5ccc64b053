using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Volatility;
using static Rari.Domain.Tests.Strategies.Volatility.VolatilityTestKit;

namespace Rari.Domain.Tests.Strategies.Volatility;

/// <summary>
/// Entry timeouts apply only to entries that can rest on the book. A MARKET (or IOC) entry ends by itself; its answer
/// may take longer than the timeout in market time (a slow link, a replay at 3000×), and cancelling it would only race
/// its fill.
/// </summary>
public sealed class VolatilityEntryTimeoutSpecs
{
    [Theory]
    [InlineData(EntryOrderStyle.Market)]
    [InlineData(EntryOrderStyle.MarketableLimit)]
    public void Should_never_cancel_an_entry_that_cannot_rest_however_long_its_answer_takes(EntryOrderStyle style)
    {
        // arrange
        var scenario = VolatilityScenario.Signalled(MeanReversionOnly with { EntryOrder = style, EntryTimeout = TimeSpan.FromMinutes(1) });

        // act
        var later = Enumerable.Range(12, 5).Select(i => scenario.Kline(i, 1971m, position: 0m)).ToArray();
        var reducing = scenario.Kline(17, 1971m, position: 0m, state: TradingState.Reducing);

        // assert
        Assert.All(later, d => Assert.Empty(d.Cancels())); // <--
        Assert.Empty(reducing.Cancels());
        Assert.Equal(VolatilityPhase.Entering, scenario.Strategy.State.Phase);
    }

    [Fact]
    public void Should_open_and_protect_the_position_when_a_slow_market_entry_finally_fills()
    {
        // arrange
        var scenario = VolatilityScenario.Signalled();
        foreach (var i in Enumerable.Range(12, 4))
        {
            scenario.Kline(i, 1971m, position: 0m);
        }

        // act
        var filled = scenario.Driver.Order(
            Filled(scenario.Entry, 0.507m, 1971m, tradeId: 1), Context(VolatilityScenario.SignalTimeMs + (5 * MinuteMs), position: 0.507m));

        // assert
        Assert.Equal(0.507m, filled.Single<PositionOpened>().Quantity);
        Assert.Equal([OrderType.StopMarket, OrderType.TakeProfitMarket], filled.Places().Select(p => p.Intent.Type));
    }

    [Fact]
    public void Should_still_cancel_a_resting_entry_at_its_timeout()
    {
        // arrange
        var scenario = VolatilityScenario.Signalled(MeanReversionOnly with { EntryOrder = EntryOrderStyle.LimitAtTouch });

        // act
        var early = scenario.Kline(12, 1971m, position: 0m);
        var timedOut = scenario.Kline(13, 1971m, position: 0m);

        // assert
        Assert.Empty(early.Cancels());
        Assert.Equal(scenario.Entry.ClientOrderId, Assert.Single(timedOut.Cancels()).ClientOrderId);
    }
}
