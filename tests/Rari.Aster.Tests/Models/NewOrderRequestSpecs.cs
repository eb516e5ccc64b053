using Rari.Aster.Models;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;

namespace Rari.Aster.Tests.Models;

public sealed class NewOrderRequestSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public void Should_list_parameters_in_the_order_of_the_docs_and_vectors()
    {
        // arrange
        var order = new NewOrderRequest
        {
            Symbol = Btc,
            Side = OrderSide.Sell,
            Type = AsterOrderType.StopMarket,
            ClientOrderId = new ClientOrderId("sl-1"),
            Quantity = 0.500m,
            StopPrice = 60000.0m,
            PositionSide = PositionSide.Both,
            WorkingType = AsterWorkingType.MarkPrice,
            PriceProtect = true,
            ReduceOnly = true,
            ResponseType = AsterOrderResponseType.Result,
        };

        // act
        var parameters = order.ToParameters();

        // assert
        Assert.Equal(
            "symbol=BTCUSDT side=SELL type=STOP_MARKET quantity=0.500 newClientOrderId=sl-1 positionSide=BOTH stopPrice=60000.0 " +
            "workingType=MARK_PRICE priceProtect=TRUE reduceOnly=true newOrderRespType=RESULT",
            string.Join(' ', parameters.Select(p => $"{p.Key}={p.Value}")));
    }

    [Fact]
    public void Should_send_a_trailing_stop_with_its_activation_and_callback()
    {
        // arrange
        var order = new NewOrderRequest
        {
            Symbol = Btc,
            Side = OrderSide.Sell,
            Type = AsterOrderType.TrailingStopMarket,
            ClientOrderId = new ClientOrderId("ts-1"),
            Quantity = 1m,
            ActivationPrice = 70000m,
            CallbackRate = 0.5m,
        };

        // act
        var parameters = order.ToParameters();

        // assert
        Assert.Equal(
            "symbol=BTCUSDT side=SELL type=TRAILING_STOP_MARKET quantity=1 newClientOrderId=ts-1 activationPrice=70000 callbackRate=0.5",
            string.Join(' ', parameters.Select(p => $"{p.Key}={p.Value}")));
    }

    [Fact]
    public void Should_name_every_missing_mandatory_parameter()
    {
        // arrange
        var order = new NewOrderRequest { Symbol = Btc, Side = OrderSide.Buy, Type = AsterOrderType.Stop, ClientOrderId = default };

        // act
        var problems = order.Problems();
        var error = Assert.Throws<ArgumentException>(() => order.ToParameters());

        // assert
        Assert.Equal(
            [
                "ClientOrderId is required: it is how an order with an unknown outcome is found again.",
                "a STOP order needs a quantity.",
                "a STOP order needs a price.",
                "a STOP order needs a stopPrice.",
            ],
            problems);
        Assert.All(problems, p => Assert.Contains(p, error.Message));
    }

    [Theory]
    [InlineData(AsterOrderType.Limit, true, false, "closePosition applies to STOP_MARKET and TAKE_PROFIT_MARKET orders only.")]
    [InlineData(AsterOrderType.StopMarket, true, true, "reduceOnly cannot be sent with closePosition.")]
    public void Should_refuse_close_position_where_the_venue_would(AsterOrderType type, bool closePosition, bool reduceOnly, string expected)
    {
        // arrange
        var order = new NewOrderRequest
        {
            Symbol = Btc,
            Side = OrderSide.Sell,
            Type = type,
            ClientOrderId = new ClientOrderId("c-1"),
            Price = type == AsterOrderType.Limit ? 1m : null,
            TimeInForce = type == AsterOrderType.Limit ? AsterTimeInForce.Gtc : null,
            StopPrice = type == AsterOrderType.StopMarket ? 1m : null,
            ClosePosition = closePosition,
            ReduceOnly = reduceOnly,
        };

        // act
        var problems = order.Problems();

        // assert
        Assert.Contains(expected, problems);
    }

    [Fact]
    public void Should_refuse_reduce_only_in_hedge_mode_and_non_positive_values()
    {
        // arrange
        var order = new NewOrderRequest
        {
            Symbol = Btc,
            Side = OrderSide.Sell,
            Type = AsterOrderType.Market,
            ClientOrderId = new ClientOrderId("h-1"),
            Quantity = 0m,
            ReduceOnly = true,
            PositionSide = PositionSide.Long,
        };

        // act
        var problems = order.Problems();

        // assert
        Assert.Equal(["reduceOnly is not allowed in hedge mode (positionSide LONG or SHORT).", "quantity must be positive, got 0."], problems);
    }
}
