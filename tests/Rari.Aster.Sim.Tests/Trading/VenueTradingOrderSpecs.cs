using Rari.Aster.Errors;
using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using static Rari.Aster.Sim.Tests.Trading.Orders;

namespace Rari.Aster.Sim.Tests.Trading;

/// <summary>Orders through our REST client against the wired simulator, V1 and V3 alike.</summary>
public sealed class VenueTradingOrderSpecs
{
    private const decimal RestingPrice = 94_660.0m;

    [Theory]
    [InlineData(AsterApiVersion.V1)]
    [InlineData(AsterApiVersion.V3)]
    public async Task Should_rest_a_limit_order_until_the_replay_trades_through_it(AsterApiVersion version)
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(version);

        // act
        var placed = await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, RestingPrice, "rest-1"));
        var statuses = new List<string>();
        for (var bar = 0; bar < 4; bar++)
        {
            await host.StepAsync();
            statuses.Add((await client.QueryOrderAsync(TradingHost.Btc, OrderReference.ByClientId(new ClientOrderId("rest-1")))).Status.Raw);
        }

        var filled = await client.QueryOrderAsync(TradingHost.Btc, OrderReference.ById(new VenueOrderId(placed.Order!.OrderId)));

        // assert
        Assert.Equal(OrderPlacementOutcome.Placed, placed.Outcome);
        Assert.Equal("NEW", placed.Order.Status.Raw);

        // Bars 0-2 bottom at 94696.7, 94689.7 and 94660.1; bar 3 trades down to 94650, through 94659.9 (a tick below).
        Assert.Equal(["NEW", "NEW", "NEW", "FILLED"], statuses);
        Assert.Equal(0.010m, filled.ExecutedQty);
        Assert.Equal(RestingPrice, filled.AvgPrice);
        Assert.Equal(946.6m, filled.CumQuote);
        Assert.Equal(host.Bar(TradingHost.Btc, 0).OpenTimeMs, filled.Time);

        // Bar 3 opens at 94665.5 and visits its high first, so the fall to the low is the path's third leg (+40 s).
        Assert.Equal(host.Bar(TradingHost.Btc, 3).OpenTimeMs + 40_000, filled.UpdateTime);
    }

    [Fact]
    public async Task Should_fill_a_large_limit_order_in_parts_across_bars()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V3);
        await using var stream = await host.UserStreamAsync(AsterApiVersion.V3);
        await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 10m, RestingPrice, "big-1"));

        // act
        await host.StepAsync(3);
        var executed = new List<decimal>();
        for (var bar = 3; bar < 6; bar++)
        {
            await host.StepAsync();
            executed.Add((await client.QueryOrderAsync(TradingHost.Btc, OrderReference.ByClientId(new ClientOrderId("big-1")))).ExecutedQty);
        }

        var trades = new List<(string Status, string Last)>();
        for (var i = 0; i < 3; i++)
        {
            var update = (await stream.NextAsync("ORDER_TRADE_UPDATE", e => e.Order().Text("x") == "TRADE")).Order();
            trades.Add((update.Text("X"), update.Text("l")));
        }

        // assert: each bar fills at most 10 % of its volume at the price (58.334, 29.867 BTC), floored to the step.
        Assert.Equal([5.833m, 8.819m, 10m], executed);
        Assert.Equal([("PARTIALLY_FILLED", "5.833"), ("PARTIALLY_FILLED", "2.986"), ("FILLED", "1.181")], trades);
    }

    [Theory]
    [InlineData(AsterApiVersion.V1)]
    [InlineData(AsterApiVersion.V3)]
    public async Task Should_fill_a_market_order_against_the_published_book(AsterApiVersion version)
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(version);
        var (average, notional) = Walk(host.Market(TradingHost.Btc), OrderSide.Buy, 0.010m);

        // act
        var placed = await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, "mkt-1"));
        var balance = (await client.GetBalancesAsync()).Single();
        var position = (await client.GetPositionRiskAsync(TradingHost.Btc)).Single();

        // assert
        var order = placed.Order!;
        Assert.Equal("FILLED", order.Status.Raw);
        Assert.Equal(0.010m, order.ExecutedQty);
        Assert.Equal(average, order.AvgPrice);
        Assert.Equal(94_696.8m, average);
        var commission = notional * 0.00035m;
        Assert.Equal(TradingHost.Balance - Math.Round(commission, 8), balance.Balance);
        Assert.Equal(0.010m, position.PositionAmt);
        Assert.Equal(average, position.EntryPrice);
        Assert.Equal(94_696.7m, position.MarkPrice);
        Assert.Equal(946.967m, position.Notional);
        Assert.Equal(-0.001m, position.UnRealizedProfit);
        Assert.Equal("BOTH", position.PositionSide.Raw);
    }

    [Fact]
    public async Task Should_answer_ack_with_the_order_as_accepted_and_result_with_it_after_matching()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V1);

        // act
        var ack = await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, "ack-1", AsterOrderResponseType.Ack));
        var result = await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, "result-1", AsterOrderResponseType.Result));
        var queried = await client.QueryOrderAsync(TradingHost.Btc, OrderReference.ByClientId(new ClientOrderId("ack-1")));

        // assert
        Assert.Equal(("NEW", 0m), (ack.Order!.Status.Raw, ack.Order.ExecutedQty));
        Assert.Equal(("FILLED", 0.010m), (result.Order!.Status.Raw, result.Order.ExecutedQty));
        Assert.Equal(("FILLED", 0.010m), (queried.Status.Raw, queried.ExecutedQty));
    }

    [Theory]
    [InlineData(AsterApiVersion.V1)]
    [InlineData(AsterApiVersion.V3)]
    public async Task Should_cancel_by_either_id_and_refuse_unknown_orders(AsterApiVersion version)
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(version);
        var first = (await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, 90_000m, "c-1"))).Order!;
        await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Sell, 0.010m, 99_000m, "c-2"));

        // act
        var byId = await client.CancelOrderAsync(TradingHost.Btc, OrderReference.ById(new VenueOrderId(first.OrderId)));
        var byClientId = await client.CancelOrderAsync(TradingHost.Btc, OrderReference.ByClientId(new ClientOrderId("c-2")));
        var again = await Assert.ThrowsAsync<AsterApiException>(() => client.CancelOrderAsync(TradingHost.Btc, OrderReference.ById(new VenueOrderId(first.OrderId))));
        var unknown = await Assert.ThrowsAsync<AsterApiException>(() => client.QueryOrderAsync(TradingHost.Btc, OrderReference.ByClientId(new ClientOrderId("never"))));
        var notOpen = await Assert.ThrowsAsync<AsterApiException>(() => client.GetOpenOrderAsync(TradingHost.Btc, OrderReference.ByClientId(new ClientOrderId("c-1"))));
        var open = await client.GetOpenOrdersAsync(TradingHost.Btc);
        var all = await client.GetAllOrdersAsync(TradingHost.Btc);

        // assert
        Assert.Equal(("CANCELED", "c-1"), (byId.Status.Raw, byId.ClientOrderId));
        Assert.Equal(("CANCELED", "SELL"), (byClientId.Status.Raw, byClientId.Side.Raw));
        Assert.Equal(-2011, again.Code);
        Assert.Equal(-2013, unknown.Code);
        Assert.Equal(-2013, notOpen.Code);
        Assert.Empty(open);
        Assert.Equal(["c-1", "c-2"], all.Select(o => o.ClientOrderId));
    }

    [Fact]
    public async Task Should_place_a_batch_and_refuse_its_bad_items_alone()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V3);
        NewOrderRequest[] batch =
        [
            LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, 90_000m, "b-1"),
            LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, 90_000.05m, "b-2"),
            LimitOrder(TradingHost.Btc, OrderSide.Sell, 0.010m, 99_000m, "b-3"),
        ];

        // act
        var placed = await client.PlaceBatchOrdersAsync(batch);
        var ids = placed.Where(p => p.Exists).Select(p => OrderReference.ById(new VenueOrderId(p.Order!.OrderId))).ToList();
        var cancelled = await client.CancelBatchOrdersAsync(TradingHost.Btc, [.. ids, OrderReference.ById(new VenueOrderId(999_999))]);

        // assert
        Assert.Equal(
            [OrderPlacementOutcome.Placed, OrderPlacementOutcome.Rejected, OrderPlacementOutcome.Placed],
            placed.Select(p => p.Outcome));
        Assert.Equal(-4014, placed[1].Error!.Value.Code);
        Assert.Equal(["CANCELED", "CANCELED"], cancelled.Take(2).Select(c => c.Order!.Status.Raw));
        Assert.Equal(-2011, cancelled[2].Error!.Value.Code);
    }

    [Fact]
    public async Task Should_cancel_every_open_order_of_the_symbol()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V1);
        await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, 90_000m, "all-1"));
        await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Sell, 0.010m, 99_000m, "all-2"));
        await client.PlaceOrderAsync(LimitOrder(TradingHost.Sui, OrderSide.Buy, 10m, 3m, "all-3"));

        // act
        var acknowledged = await client.CancelAllOpenOrdersAsync(TradingHost.Btc);
        var open = await client.GetOpenOrdersAsync();

        // assert
        Assert.Equal(("200", "The operation of cancel all open order is done."), (acknowledged.Code, acknowledged.Msg));
        Assert.Equal(["all-3"], open.Select(o => o.ClientOrderId));
    }

    [Fact]
    public async Task Should_cancel_the_symbols_orders_when_the_countdown_runs_out()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V3);
        await using var stream = await host.UserStreamAsync(AsterApiVersion.V3);
        await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, 90_000m, "dms-1"));

        // act
        var armed = await client.CountdownCancelAllAsync(TradingHost.Btc, TimeSpan.FromMinutes(2));
        await host.StepAsync();
        var afterOneMinute = (await client.QueryOrderAsync(TradingHost.Btc, OrderReference.ByClientId(new ClientOrderId("dms-1")))).Status.Raw;
        await host.StepAsync();
        var afterTwoMinutes = await client.QueryOrderAsync(TradingHost.Btc, OrderReference.ByClientId(new ClientOrderId("dms-1")));
        var cancelled = await stream.NextAsync("ORDER_TRADE_UPDATE", e => e.Order().Text("x") == "CANCELED");

        // assert
        Assert.Equal(("BTCUSDT", 120_000L), (armed.Symbol, armed.CountdownTime));
        Assert.Equal("NEW", afterOneMinute);
        Assert.Equal("CANCELED", afterTwoMinutes.Status.Raw);
        Assert.Equal(host.Bar(TradingHost.Btc, 0).OpenTimeMs + 120_000, afterTwoMinutes.UpdateTime);
        Assert.Equal(afterTwoMinutes.UpdateTime, cancelled.GetProperty("E").GetInt64());
    }

    [Fact]
    public async Task Should_fire_the_countdown_between_bars_while_the_clock_runs_paced()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V1);
        await using var stream = await host.UserStreamAsync(AsterApiVersion.V1);
        await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, 90_000m, "paced-1"));
        await client.CountdownCancelAllAsync(TradingHost.Btc, TimeSpan.FromSeconds(1));
        var armedAt = host.Bar(TradingHost.Btc, 0).OpenTimeMs;

        // act: real-time pacing reaches the deadline a second later, long before the next bar (60 s away).
        await host.Sim.AdminAsync(HttpMethod.Post, "/_sim/clock?mode=paced&speed=1");
        var cancelled = await stream.NextAsync("ORDER_TRADE_UPDATE", e => e.Order().Text("x") == "CANCELED");
        var clock = await host.Sim.AdminAsync(HttpMethod.Get, "/_sim/clock");

        // assert: nothing but the venue's clock tick asked for it; no bar was replayed.
        Assert.Equal(0, clock.GetProperty("replayedMinutes").GetInt32());
        Assert.InRange(cancelled.GetProperty("E").GetInt64(), armedAt + 1_000, armedAt + 10_000);
    }

    [Fact]
    public async Task Should_refuse_a_reduce_only_order_without_a_position_and_trim_one_larger_than_it()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V1);
        var reduce = MarketOrder(TradingHost.Btc, OrderSide.Sell, 0.020m, "ro-1") with { ReduceOnly = true };

        // act
        var refused = await Assert.ThrowsAsync<AsterApiException>(() => client.PlaceOrderAsync(reduce));
        await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, "ro-open"));
        var trimmed = (await client.PlaceOrderAsync(reduce with { ClientOrderId = new ClientOrderId("ro-2") })).Order!;
        var position = (await client.GetPositionRiskAsync(TradingHost.Btc)).Single();

        // assert
        Assert.Equal(-2022, refused.Code);
        Assert.Equal(("EXPIRED", 0.010m, 0.020m), (trimmed.Status.Raw, trimmed.ExecutedQty, trimmed.OrigQty));
        Assert.True(trimmed.ReduceOnly);
        Assert.Equal(0m, position.PositionAmt);
    }

    [Theory]
    [InlineData(AsterApiVersion.V1)]
    [InlineData(AsterApiVersion.V3)]
    public async Task Should_keep_long_and_short_positions_apart_in_hedge_mode(AsterApiVersion version)
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(version);

        // act
        await client.SetHedgeModeAsync(true);
        var hedged = await client.GetHedgeModeAsync();
        await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, "h-long") with { PositionSide = PositionSide.Long });
        await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Sell, 0.020m, "h-short") with { PositionSide = PositionSide.Short });
        var withoutSide = await Assert.ThrowsAsync<AsterApiException>(() => client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, "h-both")));
        var backToOneWay = await Assert.ThrowsAsync<AsterApiException>(() => client.SetHedgeModeAsync(false));
        var rows = await client.GetPositionRiskAsync(TradingHost.Btc);

        // assert
        Assert.True(hedged);
        Assert.Equal(-4061, withoutSide.Code);
        Assert.Equal(-4068, backToOneWay.Code);
        Assert.Equal(
            [("LONG", 0.010m, 946.967m), ("SHORT", -0.020m, -1_893.934m)],
            rows.Select(r => (r.PositionSide.Raw, r.PositionAmt, r.Notional)));
    }
}
