using Rari.Domain.Orders;
using Rari.Domain.Strategies.Grid;

namespace Rari.Domain.Tests.Strategies.Grid;

public sealed class GridStopSpecs
{
    [Fact]
    public void Should_stop_loss_when_the_price_falls_too_far_below_the_range_and_close_the_inventory_reduce_only()
    {
        // arrange: three buys filled, then the price falls 5 % below 27,000 (25,650)
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { Rebalance = GridRebalanceMode.None });
        harness.Bar(30_000m);
        BuyDown(harness, 29_400m, 28_800m, 28_200m);
        var working = harness.Open.Keys.ToHashSet();

        // act
        var quiet = harness.Bar(25_700m);
        var decision = harness.Bar(25_650m);

        // assert
        Assert.True(quiet.IsEmpty);
        var stopped = GridHarness.Single<GridStopped>(decision);
        Assert.Equal(GridStopKind.StopLoss, stopped.Kind);
        Assert.Equal("close 25650 is more than 5 % below the range low 27000.0", stopped.Reason);
        Assert.Equal(0.003m, stopped.Inventory);
        Assert.Equal(working, GridHarness.Cancelled(decision).ToHashSet()); // <-- every grid order
        var close = Assert.Single(GridHarness.Placed(decision));
        Assert.Equal((OrderSide.Sell, OrderType.Market, 0.003m, true), (close.Side, close.Type, close.Quantity!.Value, close.ReduceOnly));
        Assert.Equal(GridPhase.CoolingDown, harness.State.Phase);
        Assert.Empty(harness.State.Cells);
    }

    [Fact]
    public void Should_stop_loss_a_neutral_grid_on_either_side()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { Rebalance = GridRebalanceMode.None });
        harness.Bar(30_000m);

        // act: 5 % above 32,400 is 34,020
        var decision = harness.Bar(34_020m);

        // assert
        Assert.Equal("close 34020 is more than 5 % above the range high 32400.0", GridHarness.Single<GridStopped>(decision).Reason);
        Assert.Empty(GridHarness.Placed(decision)); // nothing to close
    }

    [Fact]
    public void Should_take_profit_when_a_long_grid_is_left_far_below_the_price()
    {
        // arrange
        var settings = GridHarness.ArithmeticNeutral with { Direction = GridDirection.Long, Rebalance = GridRebalanceMode.None, TakeProfitDistance = 0.03m };
        var harness = new GridHarness(settings);
        harness.Bar(30_000m);

        // act: 3 % above 32,400 is 33,372
        var below = harness.Bar(33_371.9m);
        var decision = harness.Bar(33_372m);

        // assert
        Assert.DoesNotContain(below.Events, e => e is GridStopped);
        var stopped = GridHarness.Single<GridStopped>(decision);
        Assert.Equal((GridStopKind.TakeProfit, "close 33372 is more than 3 % above the range high 32400.0"), (stopped.Kind, stopped.Reason));
        Assert.Equal(harness.Open.Count, GridHarness.Cancelled(decision).Count);
    }

    [Fact]
    public void Should_stop_when_the_grid_loses_the_configured_amount()
    {
        // arrange: 300 USDT a level; after buying at 29,400 and 28,800 the grid holds 0.02 BTC costing 582 USDT
        var settings = GridHarness.ArithmeticNeutral with { NotionalPerLevel = 300m, StopLossAmount = 20m, Rebalance = GridRebalanceMode.None };
        var harness = new GridHarness(settings);
        harness.Bar(30_000m);
        BuyDown(harness, 29_400m, 28_800m);

        // act: at 28,100 the loss is 582 − 562 = 20 USDT
        var before = harness.Bar(28_100.1m);
        var decision = harness.Bar(28_100m);

        // assert
        Assert.True(before.IsEmpty);
        Assert.Equal(
            "the grid's PnL -20 USDT at close 28100 reached the loss limit of 20 USDT",
            GridHarness.Single<GridStopped>(decision).Reason);
    }

    [Fact]
    public void Should_take_profit_when_the_grid_makes_the_configured_amount()
    {
        // arrange
        var settings = GridHarness.ArithmeticNeutral with { NotionalPerLevel = 300m, TakeProfitAmount = 10m };
        var harness = new GridHarness(settings);
        harness.Bar(30_000m);
        RoundTrip(harness, 29_400m);

        // act: 6 USDT realized, then 0.01 BTC more bought at 29,400 and worth 29,800
        harness.Fill(harness.OpenAt(OrderSide.Buy, 29_400m).ClientOrderId);
        var decision = harness.Bar(29_800m);

        // assert
        var stopped = GridHarness.Single<GridStopped>(decision);
        Assert.Equal(GridStopKind.TakeProfit, stopped.Kind);
        Assert.Equal("the grid's PnL 10 USDT at close 29800 reached the profit target of 10 USDT", stopped.Reason);
    }

    [Fact]
    public void Should_book_the_close_and_restart_after_the_cool_down_with_a_new_check()
    {
        // arrange
        var settings = GridHarness.ArithmeticNeutral with { Rebalance = GridRebalanceMode.None, CooldownBars = 5 };
        var harness = new GridHarness(settings);
        harness.Bar(30_000m);
        BuyDown(harness, 29_400m, 28_800m, 28_200m);
        harness.Bar(25_000m);
        var close = harness.Open.Values.Single(o => o.Type == OrderType.Market);

        // act
        harness.Fill(close.ClientOrderId, price: 25_000m);
        harness.ConfirmCancels();
        var cooling = harness.Bars(3, 25_000m);
        var restarted = harness.Bars(2, 25_000m);

        // assert
        Assert.Equal(0m, harness.State.Inventory);
        Assert.Equal(0.001m * (25_000m - 29_400m + 25_000m - 28_800m + 25_000m - 28_200m), harness.State.RealizedPnl);
        Assert.Empty(cooling);
        var started = GridHarness.Single<GridStarted>(Assert.Single(restarted));
        Assert.StartsWith("cool-down over: neutral grid of 10 arithmetic levels 2 % apart from 22500.0 to 27000.0 around 25000", started.Reason);
        Assert.Equal(GridPhase.Running, harness.State.Phase);
    }

    [Fact]
    public void Should_never_restart_when_no_cool_down_is_configured()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { CooldownBars = null });
        harness.Bar(30_000m);

        // act
        harness.Bar(20_000m);
        harness.ConfirmCancels();
        var later = harness.Bars(100, 30_000m);

        // assert
        Assert.Equal(GridPhase.Stopped, harness.State.Phase);
        Assert.Empty(later);
    }

    [Fact]
    public void Should_close_a_late_fill_of_a_cancelled_order_with_another_reduce_only_order()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { Rebalance = GridRebalanceMode.None });
        harness.Bar(30_000m);
        BuyDown(harness, 29_400m);
        var lateBuy = harness.OpenAt(OrderSide.Buy, 28_800m);
        harness.Bar(25_000m);
        var firstClose = harness.Open.Values.Single(o => o.Type == OrderType.Market);

        // act: the buy at 28,800 filled before the cancel landed, the first close covered only 0.001
        harness.Fill(lateBuy.ClientOrderId, price: 28_800m);
        var decision = harness.Fill(firstClose.ClientOrderId, price: 25_000m);

        // assert
        var second = Assert.Single(GridHarness.Placed(decision));
        Assert.Equal((OrderSide.Sell, OrderType.Market, 0.001m, true), (second.Side, second.Type, second.Quantity!.Value, second.ReduceOnly));
        Assert.Equal(0.001m, harness.State.Inventory);
        Assert.Equal(0.001m, harness.State.ClosingQuantity);
    }

    [Fact]
    public void Should_retry_a_rejected_close_after_a_back_off()
    {
        // arrange
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { Rebalance = GridRebalanceMode.None });
        harness.Bar(30_000m);
        BuyDown(harness, 29_400m);
        harness.Bar(25_000m);
        var close = harness.Open.Values.Single(o => o.Type == OrderType.Market);

        // act
        var rejected = harness.Rejected(close.ClientOrderId, -1008, "Server is currently overloaded");
        var retried = harness.Bar(25_000m);

        // assert
        Assert.Empty(rejected.Commands);
        var again = Assert.Single(GridHarness.Placed(retried));
        Assert.Equal((OrderType.Market, 0.001m, true), (again.Type, again.Quantity!.Value, again.ReduceOnly));
        Assert.NotEqual(close.ClientOrderId, again.ClientOrderId);
    }

    [Fact]
    public void Should_split_a_close_larger_than_the_market_lot_limit()
    {
        // arrange: MARKET orders of BTCUSDT may carry at most 0.002 here
        var instrument = Rari.TestKit.TestInstruments.BtcUsdt with { MarketLotSize = new Rari.Domain.Instruments.LotSizeFilter(0.001m, 0.002m, 0.001m) };
        var harness = new GridHarness(GridHarness.ArithmeticNeutral with { Rebalance = GridRebalanceMode.None }, instrument);
        harness.Bar(30_000m);
        BuyDown(harness, 29_400m, 28_800m, 28_200m, 27_600m, 27_000m);

        // act
        var decision = harness.Bar(25_000m);

        // assert
        Assert.Equal([0.002m, 0.002m, 0.001m], GridHarness.Placed(decision).Select(o => o.Quantity!.Value));
    }

    private static void BuyDown(GridHarness harness, params decimal[] prices)
    {
        foreach (var price in prices)
        {
            harness.Fill(harness.OpenAt(OrderSide.Buy, price).ClientOrderId);
            harness.Open.Remove(harness.Open.Values.Single(o => o.Side == OrderSide.Buy && o.Price == price).ClientOrderId);
        }
    }

    private static void RoundTrip(GridHarness harness, decimal buyPrice)
    {
        var buy = harness.OpenAt(OrderSide.Buy, buyPrice).ClientOrderId;
        harness.Fill(buy);
        harness.Open.Remove(buy);
        var sell = harness.Open.Values.Single(o => o.ReduceOnly).ClientOrderId;
        harness.Fill(sell);
        harness.Open.Remove(sell);
    }
}
