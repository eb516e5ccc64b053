using Rari.Backtest.Reports;
using Rari.Backtest.Results;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Strategies.Volatility;

namespace Rari.Backtest.Tests.Results;

public sealed class LevelTrackerSpecs
{
    private static readonly StrategyId Vol = new("vol");
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public void Should_span_the_stop_and_target_of_a_position_until_it_closes()
    {
        // arrange
        var tracker = new LevelTracker();
        var stop = OrderIntent.Create(new ClientOrderId("rari-vol-BTCUSDT-000002"), Vol, Btc, OrderSide.Sell, OrderType.StopMarket, 0.1m, stopPrice: 29_000m, reduceOnly: true);
        var target = OrderIntent.Create(new ClientOrderId("rari-vol-BTCUSDT-000003"), Vol, Btc, OrderSide.Sell, OrderType.TakeProfitMarket, 0.1m, stopPrice: 31_500m, reduceOnly: true);

        // act
        tracker.Observe(new ExitOrdersPlaced(Vol, Btc, 1_000, stop, target), 1_000);
        tracker.Observe(new PositionClosed(Vol, Btc, 5_000, ExitReason.TakeProfit, PositionDirection.Long, 0.1m, 30_000m, 31_500m, 1m, 149m), 5_000);
        var spans = tracker.Finish(9_000);

        // assert
        Assert.Equal([new LevelSpan(29_000m, 1_000, 5_000), new LevelSpan(31_500m, 1_000, 5_000)], spans);
    }

    [Fact]
    public void Should_end_every_open_level_when_the_run_finishes()
    {
        // arrange
        var tracker = new LevelTracker();
        var stop = OrderIntent.Create(new ClientOrderId("rari-vol-BTCUSDT-000002"), Vol, Btc, OrderSide.Sell, OrderType.StopMarket, 0.1m, stopPrice: 29_000m, reduceOnly: true);
        var target = OrderIntent.Create(new ClientOrderId("rari-vol-BTCUSDT-000003"), Vol, Btc, OrderSide.Sell, OrderType.TakeProfitMarket, 0.1m, stopPrice: 31_500m, reduceOnly: true);
        tracker.Observe(new ExitOrdersPlaced(Vol, Btc, 1_000, stop, target), 1_000);

        // act
        var spans = tracker.Finish(9_000);

        // assert
        Assert.All(spans, s => Assert.Equal(9_000, s.ToMs));
        Assert.Equal(2, spans.Count);
    }

    [Fact]
    public void Should_follow_a_real_grid_through_its_events()
    {
        // arrange
        var run = Engine.StrategyRuns.Shared.Runs[Domain.Strategies.Sizing.StrategyKind.Grid];

        // act
        var levels = run.Result.Report.Symbols[0].Levels;

        // assert
        Assert.True(levels.Count >= 10, $"only {levels.Count} level spans");
        Assert.All(levels, l => Assert.True(l.FromMs < l.ToMs && l.Price > 0m));
        Assert.Equal(levels.OrderBy(l => l.FromMs).ThenBy(l => l.Price), levels);
    }
}
