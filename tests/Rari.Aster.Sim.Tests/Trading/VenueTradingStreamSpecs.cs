using Rari.Aster.Rest;
using Rari.Domain.Orders;
using static Rari.Aster.Sim.Tests.Trading.Orders;

namespace Rari.Aster.Sim.Tests.Trading;

/// <summary>The venue's events on the user stream, with Aster's fields and values, for V1 and V3 accounts.</summary>
public sealed class VenueTradingStreamSpecs
{
    [Theory]
    [InlineData(AsterApiVersion.V1)]
    [InlineData(AsterApiVersion.V3)]
    public async Task Should_stream_an_order_from_new_to_its_fill_and_the_account_update(AsterApiVersion version)
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(version);
        await using var stream = await host.UserStreamAsync(version);

        // act
        var order = (await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, 94_660.0m, "s-1"))).Order!;
        var accepted = await stream.NextAsync("ORDER_TRADE_UPDATE");
        await host.StepAsync(4);
        var filled = await stream.NextAsync("ORDER_TRADE_UPDATE");
        var account = await stream.NextAsync("ACCOUNT_UPDATE");

        // assert
        var fillTime = host.Bar(TradingHost.Btc, 3).OpenTimeMs + 40_000;
        Assert.Equal(("NEW", "NEW", host.Bar(TradingHost.Btc, 0).OpenTimeMs), (accepted.Order().Text("x"), accepted.Order().Text("X"), accepted.GetProperty("E").GetInt64()));
        Assert.Equal(
            "{\"s\":\"BTCUSDT\",\"c\":\"s-1\",\"S\":\"BUY\",\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"0.010\",\"p\":\"94660.0\",\"ap\":\"94660.0\"," +
            "\"sp\":\"0.0\",\"x\":\"TRADE\",\"X\":\"FILLED\",\"i\":" + order.OrderId + ",\"l\":\"0.010\",\"z\":\"0.010\",\"L\":\"94660.0\"," +
            "\"N\":\"USDT\",\"n\":\"0.09466\",\"T\":" + fillTime + ",\"t\":1,\"b\":\"0.00000000\",\"a\":\"0.00000000\",\"m\":true,\"R\":false," +
            "\"wt\":\"CONTRACT_PRICE\",\"ot\":\"LIMIT\",\"ps\":\"BOTH\",\"cp\":false,\"rp\":\"0.00000000\"}",
            filled.Order().GetRawText());
        Assert.Equal((fillTime, fillTime), (filled.GetProperty("E").GetInt64(), filled.GetProperty("T").GetInt64()));

        // The mark is still bar 2's close (94665.5) when the fill happens inside bar 3.
        Assert.Equal(
            "{\"m\":\"ORDER\",\"B\":[{\"a\":\"USDT\",\"wb\":\"99999.90534000\",\"cw\":\"99999.90534000\",\"bc\":\"0.00000000\"}]," +
            "\"P\":[{\"s\":\"BTCUSDT\",\"pa\":\"0.010\",\"ep\":\"94660.0\",\"cr\":\"0.00000000\",\"up\":\"0.05500000\",\"mt\":\"cross\"," +
            "\"iw\":\"0.00000000\",\"ps\":\"BOTH\"}]}",
            account.GetProperty("a").GetRawText());
    }

    [Fact]
    public async Task Should_report_resting_notionals_and_leave_closed_positions_out_of_account_updates()
    {
        // arrange
        await using var host = await TradingHost.StartAsync();
        var client = host.Client(AsterApiVersion.V3);
        await using var stream = await host.UserStreamAsync(AsterApiVersion.V3);

        // act
        await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, 90_000.0m, "n-1"));
        await client.PlaceOrderAsync(LimitOrder(TradingHost.Btc, OrderSide.Sell, 0.020m, 99_000.0m, "n-1b"));
        await stream.NextAsync("ORDER_TRADE_UPDATE");
        var ask = await stream.NextAsync("ORDER_TRADE_UPDATE");
        await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Buy, 0.010m, "n-2"));
        await client.PlaceOrderAsync(MarketOrder(TradingHost.Btc, OrderSide.Sell, 0.010m, "n-3"));
        var updates = (await stream.DrainAsync()).Where(e => e.Text("e") == "ACCOUNT_UPDATE").ToList();

        // assert
        // The venue reports the notionals resting before the event's own order rests.
        Assert.Equal(("900.00000000", "0.00000000"), (ask.Order().Text("b"), ask.Order().Text("a")));
        Assert.Equal(2, updates.Count);
        Assert.Equal("0.010", updates[0].GetProperty("a").GetProperty("P")[0].Text("pa"));
        Assert.Equal(0, updates[1].GetProperty("a").GetProperty("P").GetArrayLength());
    }
}
