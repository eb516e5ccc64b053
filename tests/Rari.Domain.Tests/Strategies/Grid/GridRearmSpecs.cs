using Rari.Domain.Data;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Strategies.Grid;
using Rari.TestKit;
using Xunit.Abstractions;

namespace Rari.Domain.Tests.Strategies.Grid;

/// <summary>
/// The grid's per-state early-outs (the band of closes within which no idle rung takes an entry, the exits its own
/// orders refuse) must never skip an order the rule gives: after every bar of a month of real data, no rung of a
/// running grid is left without the order it could have had.
/// </summary>
public sealed class GridRearmSpecs(ITestOutputHelper output)
{
    private const long MinuteMs = 60_000;

    [Theory]
    [InlineData(GridDirection.Neutral, GridRebalanceMode.Recentre, 16)]
    [InlineData(GridDirection.Long, GridRebalanceMode.Trail, 12)]
    [InlineData(GridDirection.Short, GridRebalanceMode.Recentre, 18)]
    [InlineData(GridDirection.Neutral, GridRebalanceMode.None, 8)]
    public void Should_leave_no_rung_without_the_order_it_could_have_after_any_bar(GridDirection direction, GridRebalanceMode rebalance, int levels)
    {
        // arrange: a venue order limit that binds for the widest grid
        var instrument = TestInstruments.BtcUsdt with { MaxNumOrders = 18 };
        var settings = GridVenueSimulator.LongRunSettings(direction, rebalance, levels);
        var strategy = new GridStrategy(new StrategyId("grid"), instrument.Symbol, settings);
        var simulator = new GridVenueSimulator(strategy, instrument);
        var limit = instrument.MaxNumOrders;
        var runningBars = 0;
        var waitingRungs = 0;

        foreach (var kline in KlineCsvReader.Read(SharedData.File(GridVenueSimulator.BtcMonthFile)))
        {
            // act
            simulator.Step(kline);

            // assert
            var state = simulator.StateAfterKline!;
            if (state.Phase != GridPhase.Running)
            {
                continue;
            }

            runningBars++;
            var now = kline.OpenTimeMs + MinuteMs;
            var own = OwnOrders(state);
            foreach (var cell in state.Cells)
            {
                if (cell.Order is not null || now < cell.RetryAtMs)
                {
                    continue;
                }

                if (cell.HoldingQuantity != 0m)
                {
                    Assert.True(own.Refuses(cell.ExitSide, cell.ExitPrice, limit), $"bar {kline.OpenTimeMs}: rung {cell.Id} holds {cell.HoldingQuantity} without an exit");
                }
                else if (!cell.Retired && (cell.EntrySide == OrderSide.Buy ? cell.EntryPrice < kline.Close : cell.EntryPrice > kline.Close))
                {
                    Assert.True(own.Refuses(cell.EntrySide, cell.EntryPrice, limit), $"bar {kline.OpenTimeMs}: rung {cell.Id} could take its entry at {cell.EntryPrice}, close {kline.Close}: not refused by {own}");
                }
                else if (!cell.Retired)
                {
                    waitingRungs++;
                }
            }
        }

        Assert.True(runningBars > 10_000, $"the grid ran {runningBars} bars ");
        output.WriteLine($"{direction}/{rebalance}/{levels} levels: {runningBars} bars running, {waitingRungs} idle rungs waited for the price");
    }

    private static LiveOrders OwnOrders(GridState state)
    {
        var orders = state.Cells.Where(c => c.Order is not null).Select(c => c.Order!).Concat(state.DetachedOrders).ToList();
        var sells = orders.Where(o => o.Side == OrderSide.Sell && o.Price is not null).Select(o => o.Price!.Value).ToList();
        var buys = orders.Where(o => o.Side == OrderSide.Buy && o.Price is not null).Select(o => o.Price!.Value).ToList();
        return new LiveOrders(orders.Count, sells.Count > 0 ? sells.Min() : null, buys.Count > 0 ? buys.Max() : null);
    }

    /// <summary>The grid's live orders: a new order is refused at the cap, or when it would trade with one of them.</summary>
    private sealed record LiveOrders(int Count, decimal? LowestSell, decimal? HighestBuy)
    {
        public bool Refuses(OrderSide side, decimal price, int limit) =>
            Count >= limit || (side == OrderSide.Buy ? price >= LowestSell : price <= HighestBuy);
    }
}
