using Rari.Aster.Models;
using Rari.Domain.Orders;

namespace Rari.Aster.Tests.Models;

public sealed class OrderParsingSpecs
{
    [Fact]
    public void Should_read_the_order_object_of_the_docs()
    {
        // arrange
        const string Body = """
            {"clientOrderId":"testOrder","cumQty":"0","cumQuote":"0","executedQty":"0","orderId":22542179,"avgPrice":"0.00000",
             "origQty":"10","price":"0","reduceOnly":false,"side":"BUY","positionSide":"SHORT","status":"NEW","stopPrice":"9300",
             "closePosition":false,"symbol":"BTCUSDT","timeInForce":"GTC","type":"TRAILING_STOP_MARKET","origType":"TRAILING_STOP_MARKET",
             "activatePrice":"9020","priceRate":"0.3","updateTime":1566818724722,"workingType":"CONTRACT_PRICE","priceProtect":false,
             "newChainData":{"hash":"0xabc"}}
            """;

        // act
        var order = AsterJson.Deserialize<AsterOrder>(Body.AsBytes());

        // assert
        Assert.Equal(22542179, order.OrderId);
        Assert.Equal("testOrder", order.ClientOrderId);
        Assert.True(order.Status.Is(AsterOrderStatus.New));
        Assert.True(order.Side.Is(OrderSide.Buy));
        Assert.True(order.PositionSide.Is(PositionSide.Short));
        Assert.True(order.Type.Is(AsterOrderType.TrailingStopMarket));
        Assert.True(order.WorkingType.Is(AsterWorkingType.ContractPrice));
        Assert.Equal(10m, order.OrigQty);
        Assert.Equal(9300m, order.StopPrice);
        Assert.Equal(9020m, order.ActivatePrice);
        Assert.Equal(0.3m, order.PriceRate);
        Assert.Equal(OrderStatus.Accepted, order.DomainStatus);
        Assert.Equal(0, order.Time); // absent in the ACK answer
    }

    [Theory]
    [InlineData("NEW", OrderStatus.Accepted)]
    [InlineData("PARTIALLY_FILLED", OrderStatus.PartiallyFilled)]
    [InlineData("FILLED", OrderStatus.Filled)]
    [InlineData("CANCELED", OrderStatus.Canceled)]
    [InlineData("REJECTED", OrderStatus.Rejected)]
    [InlineData("EXPIRED", OrderStatus.Expired)]
    [InlineData("NEW_INSURANCE", OrderStatus.Accepted)]
    [InlineData("NEW_ADL", OrderStatus.Accepted)]
    [InlineData("PENDING_ON_CHAIN", null)]
    public void Should_map_every_status_to_the_order_model_and_keep_unknown_ones(string status, OrderStatus? expected)
    {
        // arrange
        var body = $$"""{"orderId":1,"status":"{{status}}"}""";

        // act
        var order = AsterJson.Deserialize<AsterOrder>(body.AsBytes());

        // assert
        Assert.Equal(expected, order.DomainStatus);
        Assert.Equal(status, order.Status.Raw);
        Assert.Equal(expected is not null, order.Status.IsKnown);
    }

    [Fact]
    public void Should_read_the_cancel_all_acknowledgement_with_its_string_code()
    {
        // arrange
        const string Body = """{"code":"200","msg":"The operation of cancel all open order is done."}""";

        // act
        var ack = AsterJson.Deserialize<AsterAcknowledgement>(Body.AsBytes());
        var numeric = AsterJson.Deserialize<AsterAcknowledgement>("""{"code":200,"msg":"success"}""".AsBytes());

        // assert
        Assert.Equal("200", ack.Code);
        Assert.Equal("The operation of cancel all open order is done.", ack.Msg);
        Assert.Equal("200", numeric.Code);
    }

    [Fact]
    public void Should_read_the_small_command_answers()
    {
        // act
        var countdown = AsterJson.Deserialize<AsterCountdownCancelAll>("""{"symbol":"BTCUSDT","countdownTime":"100000"}""".AsBytes());
        var leverage = AsterJson.Deserialize<AsterLeverageChange>("""{"leverage":21,"maxNotionalValue":"1000000","symbol":"BTCUSDT"}""".AsBytes());
        var margin = AsterJson.Deserialize<AsterPositionMarginChange>("""{"amount":100.0,"code":200,"msg":"Successfully modify position margin.","type":1}""".AsBytes());
        var mode = AsterJson.Deserialize<AsterPositionMode>("""{"dualSidePosition":true}""".AsBytes());
        var key = AsterJson.Deserialize<AsterListenKey>("""{"listenKey":"pqia91ma19a5s61cv6a81va65sdf19v8a65a1a5s61cv6a81va65sdf19v8a65a1"}""".AsBytes());

        // assert
        Assert.Equal(100_000, countdown.CountdownTime);
        Assert.Equal(new AsterLeverageChange { Symbol = "BTCUSDT", Leverage = 21, MaxNotionalValue = 1_000_000m }, leverage);
        Assert.Equal(100.0m, margin.Amount);
        Assert.Equal(1, margin.Type);
        Assert.True(mode.DualSidePosition);
        Assert.Equal(64, key.ListenKey.Length);
    }
}
