using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.Domain.Strategies.Grid;
using Rari.TestKit;
using Xunit.Abstractions;

namespace Rari.Domain.Tests.Strategies.Grid;

/// <summary>A month of real BTCUSDT minutes (18 Jul – 17 Aug 2023, a quiet 28.3k–30.4k range) through a simulated venue.</summary>
public sealed class GridLongRunSpecs(ITestOutputHelper output)
{
    [Theory]
    [InlineData(GridDirection.Neutral, GridRebalanceMode.Recentre)]
    [InlineData(GridDirection.Long, GridRebalanceMode.Trail)]
    [InlineData(GridDirection.Short, GridRebalanceMode.Recentre)]
    public void Should_trade_a_month_of_real_data_within_every_venue_rule(GridDirection direction, GridRebalanceMode rebalance)
    {
        // arrange: a tight venue order limit, so that the grid's own cap is what keeps it
        var instrument = TestInstruments.BtcUsdt with { MaxNumOrders = 18 };
        var settings = GridVenueSimulator.LongRunSettings(direction, rebalance);
        var strategy = new GridStrategy(new StrategyId("grid"), instrument.Symbol, settings);
        var simulator = new GridVenueSimulator(strategy, instrument);
        var klines = KlineCsvReader.Read(SharedData.File(GridVenueSimulator.BtcMonthFile)).ToArray();
        var bars = 0;

        // act
        foreach (var kline in klines)
        {
            simulator.Step(kline);
            bars++;

            // assert: the books stay exact on every bar
            var state = strategy.State;
            Assert.Equal(simulator.Position, state.Inventory);
            Assert.Equal(state.Inventory, state.Cells.Sum(c => c.HoldingQuantity) + state.ClosingQuantity);
            Assert.True(simulator.OpenOrders.Count <= instrument.MaxNumOrders, $"{simulator.OpenOrders.Count} open orders at bar {bars}");
        }

        // assert
        var final = strategy.State;
        output.WriteLine(
            $"{direction}/{rebalance}: {bars} bars, {simulator.OrdersPlaced} orders, {simulator.Fills} fills, {final.RoundTrips} round trips, " +
            $"realized {final.RealizedPnl:0.00}, fees {final.FeesPaid:0.00}, inventory {final.Inventory}, max open {simulator.MaxOpenOrders}, " +
            $"recentres {simulator.Journal.OfType<GridRecentred>().Count()}, trails {simulator.Journal.OfType<GridTrailed>().Count()}, " +
            $"stops {simulator.Journal.OfType<GridStopped>().Count()}, skips {simulator.Journal.OfType<GridOrderSkipped>().Count()}");
        foreach (var group in simulator.Journal.GroupBy(e => e.GetType().Name))
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }

        foreach (var refused in simulator.Journal.OfType<GridRefused>().Take(5))
        {
            output.WriteLine($"  refused: {refused.Refusal.Reason}");
        }

        Assert.Equal(43_199, bars);
        Assert.Empty(simulator.Violations); // <-- no order broke a filter
        Assert.True(final.RoundTrips >= 150, $"only {final.RoundTrips} round trips");
        Assert.True(final.RealizedPnl > 0m);
        Assert.Equal(simulator.Journal.OfType<GridOrderFilled>().Sum(f => f.Side == Rari.Domain.Orders.OrderSide.Buy ? f.Quantity : -f.Quantity), final.Inventory);

        var replayed = new GridStrategy(new StrategyId("grid"), instrument.Symbol, settings);
        foreach (var strategyEvent in simulator.Journal)
        {
            replayed.Apply(strategyEvent);
        }

        Assert.Equal(final, replayed.State);
    }
}
