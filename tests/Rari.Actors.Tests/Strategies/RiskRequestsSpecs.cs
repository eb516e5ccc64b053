using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Sizing;
using Rari.Domain.Strategies.Volatility;
using Rari.TestKit;
using static Rari.Actors.Tests.Strategies.StrategyFixtures;

namespace Rari.Actors.Tests.Strategies;

/// <summary>The downside each strategy's state gives the orders it sends to the risk gate.</summary>
public sealed class RiskRequestsSpecs
{
    private static readonly ClientOrderIdFactory Ids = new();

    [Fact]
    public void Should_give_a_grid_entry_the_close_at_which_the_grid_stops()
    {
        // arrange: a grid started on a real bar
        var grid = (GridStrategy)StrategySet.Default.Create(StrategyKind.Grid, Eth);
        grid.WarmUp(Bars.Take(FirstLive));
        var decision = grid.OnKline(Bars[FirstLive], Context());
        foreach (var strategyEvent in decision.Events)
        {
            grid.Apply(strategyEvent);
        }

        var intents = decision.Commands.OfType<PlaceOrder>().Select(p => p.Intent).ToList();

        // act
        var requests = intents.Select(i => RiskRequests.For(grid, i)).ToList();

        // assert: 5 % beyond the range edge on the losing side
        Assert.All(requests.Where(r => r.Intent.Side == OrderSide.Buy), r => Assert.Equal(grid.State.Lower * 0.95m, r.StopLossPrice));
        Assert.All(requests.Where(r => r.Intent.Side == OrderSide.Sell), r => Assert.Equal(grid.State.Upper * 1.05m, r.StopLossPrice));
        Assert.All(requests, r => Assert.Null(r.WorstCaseLossPerUnit));
    }

    [Fact]
    public void Should_give_a_volatility_entry_its_stop_distance_and_an_exit_nothing()
    {
        // arrange
        var volatility = (VolatilityStrategy)StrategySet.Default.Create(StrategyKind.Volatility, Eth);
        var entry = Intent(StrategySet.VolatilityId, 1, reduceOnly: false);
        volatility.Apply(new EntrySignalled(StrategySet.VolatilityId, Eth, 1, SignalKind.Momentum, PositionDirection.Long, entry, 1_800m, 25m));

        // act
        var forEntry = RiskRequests.For(volatility, entry);
        var forExit = RiskRequests.For(volatility, Intent(StrategySet.VolatilityId, 2, reduceOnly: true));

        // assert
        Assert.Equal(25m, forEntry.WorstCaseLossPerUnit);
        Assert.Null(forExit.WorstCaseLossPerUnit);
        Assert.Null(forExit.StopLossPrice);
    }

    [Fact]
    public void Should_ask_the_hybrid_child_that_owns_the_order()
    {
        // arrange: the hybrid's volatility child signalled an entry
        var hybrid = (HybridStrategy)StrategySet.Default.Create(StrategyKind.Hybrid, Eth);
        var entry = Intent(StrategySet.HybridVolatilityId, 1, reduceOnly: false);
        hybrid.Apply(new ChildDecided(
            StrategySet.HybridId,
            Eth,
            1,
            new EntrySignalled(StrategySet.HybridVolatilityId, Eth, 1, SignalKind.Momentum, PositionDirection.Long, entry, 1_800m, 30m)));

        // act
        var request = RiskRequests.For(hybrid, entry);

        // assert
        Assert.Equal(30m, request.WorstCaseLossPerUnit);
        Assert.Null(RiskRequests.For(hybrid, Intent(StrategySet.HybridGridId, 1, reduceOnly: false)).StopLossPrice); // no grid built
    }

    private static OrderIntent Intent(Domain.Identifiers.StrategyId strategy, long sequence, bool reduceOnly) =>
        OrderIntent.Create(Ids.Create(strategy, Eth, sequence), strategy, Eth, OrderSide.Buy, OrderType.Market, 0.1m, reduceOnly: reduceOnly);

    private static StrategyContext Context() =>
        TestStrategyContexts.For(TestInstruments.EthUsdt, Bars[FirstLive].OpenTimeMs + 60_000, leverage: 10, markPrice: Bars[FirstLive].Close);
}
