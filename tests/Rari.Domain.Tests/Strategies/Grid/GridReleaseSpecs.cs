using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies;
using Rari.Domain.Strategies.Grid;
using Rari.TestKit;

namespace Rari.Domain.Tests.Strategies.Grid;

/// <summary>The grid giving its inventory up to the hybrid strategy, and watching the market while inactive.</summary>
public sealed class GridReleaseSpecs
{
    /// <summary>A grid at 30,000 with one round trip done (0.6 USDT) and one buy at 29,400 held, its take-profit working.</summary>
    private static GridHarness Trading()
    {
        var harness = new GridHarness();
        harness.Bar(30_000m);
        var exit = Assert.Single(GridHarness.Placed(harness.Fill(harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId, fee: 0.005m)));
        var rebuy = Assert.Single(GridHarness.Placed(harness.Fill(exit.ClientOrderId, fee: 0.006m)));
        harness.Fill(rebuy.ClientOrderId, fee: 0.005m);
        return harness;
    }

    [Fact]
    public void Should_forget_its_rungs_orders_and_inventory_but_keep_its_round_trips_when_released()
    {
        // arrange
        var harness = Trading();
        var before = harness.State;

        // act
        var decision = harness.Release("hybrid switch to Trending");

        // assert
        var released = GridHarness.Single<GridInventoryReleased>(decision);
        Assert.Equal("hybrid switch to Trending", released.Reason);
        Assert.Empty(decision.Commands);
        var state = harness.State;
        Assert.Equal(0.001m, before.Inventory);
        Assert.Equal(GridPhase.Standby, state.Phase); // <--
        Assert.Equal((0m, 0m, 0m), (state.Inventory, state.InventoryCost, state.ClosingQuantity));
        Assert.Empty(state.Cells);
        Assert.Empty(state.DetachedOrders);
        Assert.Empty(harness.Strategy.OpenOrders);
        Assert.Null(state.Layout);
        Assert.Empty(state.Levels);
        Assert.Equal((1, 0.6m, 0.016m), (state.RoundTrips, state.RealizedPnl, state.FeesPaid));
        Assert.Equal((before.NextSequence, before.NextCellId), (state.NextSequence, state.NextCellId));
        Assert.True(state.IsFlat);
    }

    [Fact]
    public void Should_rebuild_around_the_price_with_a_fresh_feasibility_check_on_its_next_active_bar()
    {
        // arrange
        var harness = Trading();
        harness.Release();

        // act
        var decision = harness.Bar(31_000m);

        // assert
        var started = GridHarness.Single<GridStarted>(decision);
        Assert.StartsWith("back from standby: neutral grid of 10 arithmetic levels 2 % apart from 27900.0 to 33480.0 around 31000", started.Reason);
        Assert.Equal(GridPhase.Running, harness.State.Phase);
        Assert.Equal(harness.State.NetRealizedPnl, harness.State.RunStartNetPnl);
        Assert.Equal([27_900m, 28_520m, 29_140m, 29_760m, 30_380m], harness.OpenPrices(OrderSide.Buy)); // <--
        Assert.Equal([31_620m, 32_240m, 32_860m, 33_480m], harness.OpenPrices(OrderSide.Sell));
    }

    [Fact]
    public void Should_wait_in_standby_while_the_symbol_is_reducing_and_refuse_a_rebuild_that_does_not_fit()
    {
        // arrange
        var harness = Trading();
        harness.Release();
        harness.TradingState = TradingState.Reducing;

        // act
        var reducing = harness.Bars(3, 30_000m);
        harness.TradingState = TradingState.Active;
        harness.Equity = 10m;
        var refused = harness.Bar(30_000m);

        // assert
        Assert.Empty(reducing);
        var refusal = GridHarness.Single<GridRefused>(refused);
        Assert.Equal(GridRefusalCode.InsufficientMargin, refusal.Refusal.Code);
        Assert.Equal(GridPhase.Refused, harness.State.Phase);
        Assert.Empty(refused.Commands);
    }

    [Fact]
    public void Should_keep_a_cooling_down_grid_cooling_down_and_a_stopped_one_stopped_after_a_release()
    {
        // arrange
        var cooling = new GridHarness();
        cooling.Bar(30_000m);
        cooling.Bar(25_000m);
        cooling.ConfirmCancels();
        var restartAt = cooling.State.RestartAtMs;
        var stopped = new GridHarness(GridHarness.ArithmeticNeutral with { CooldownBars = null });
        stopped.Bar(30_000m);
        stopped.Bar(25_000m);
        stopped.ConfirmCancels();

        // act
        cooling.Release();
        stopped.Release();
        var whileCooling = cooling.Bars(3, 25_000m);
        var whileStopped = stopped.Bars(100, 25_000m);

        // assert
        Assert.Equal((GridPhase.CoolingDown, restartAt), (cooling.State.Phase, cooling.State.RestartAtMs));
        Assert.Empty(whileCooling);
        Assert.Equal(GridPhase.Stopped, stopped.State.Phase);
        Assert.Empty(whileStopped);
    }

    [Fact]
    public void Should_ignore_reports_of_orders_it_released()
    {
        // arrange
        var harness = Trading();
        var exit = harness.Journal.OfType<GridOrderPlaced>().Last(p => p.Role == GridOrderRole.Exit);
        harness.Release();
        var after = harness.State;

        // act
        var decision = harness.Feed(new OrderCanceled(exit.Symbol, exit.ClientOrderId, harness.Now));

        // assert
        Assert.Same(StrategyDecision.None, decision);
        Assert.Same(after, harness.State);
    }

    [Fact]
    public void Should_be_warm_for_a_volatility_range_when_its_bars_came_only_through_observe()
    {
        // arrange
        var settings = GridHarness.ArithmeticNeutral with { RangeSource = GridRangeSource.Volatility, VolatilityWindow = 5 };
        var observed = new GridHarness(settings);
        var cold = new GridHarness(settings);
        var bars = Enumerable.Range(0, 10).Select(i => new Kline(TestKlines.Jan2024Ms + (i * GridHarness.BarMs), 30_000m, 30_060m, 29_940m, 30_000m, 1m)).ToArray();
        foreach (var bar in bars)
        {
            observed.Strategy.Observe(bar);
        }

        // act
        var warm = observed.Bar(30_000m);
        var notYet = cold.Bar(30_000m);

        // assert
        Assert.Single(warm.Events.OfType<GridStarted>()); // <--
        Assert.Same(StrategyDecision.None, notYet);
        Assert.Equal(GridPhase.WarmingUp, cold.State.Phase);
    }
}
