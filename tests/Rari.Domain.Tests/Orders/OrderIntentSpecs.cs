using System.Globalization;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using static Rari.TestKit.TestOrders;

namespace Rari.Domain.Tests.Orders;

public class OrderIntentSpecs
{
    [Fact]
    public void Should_create_a_limit_order_with_every_field_as_given()
    {
        // act
        var intent = OrderIntent.Create(
            Id(7), Grid, Btc, OrderSide.Sell, OrderType.Limit, 0.25m, price: 101.5m, timeInForce: TimeInForce.Gtx, reduceOnly: true);

        // assert
        Assert.Equal("rari-grid-BTCUSDT-000007", intent.ClientOrderId.Value);
        Assert.Equal(Grid, intent.StrategyId);
        Assert.Equal(Btc, intent.Symbol);
        Assert.Equal(OrderSide.Sell, intent.Side);
        Assert.Equal(OrderType.Limit, intent.Type);
        Assert.Equal(0.25m, intent.Quantity);
        Assert.Equal(101.5m, intent.Price);
        Assert.Null(intent.StopPrice);
        Assert.Equal(TimeInForce.Gtx, intent.TimeInForce);
        Assert.True(intent.ReduceOnly);
        Assert.False(intent.ClosePosition);
        Assert.Equal(PositionSide.Both, intent.PositionSide);
    }

    [Theory]
    [InlineData(OrderType.Market, OrderSide.Buy, "1", null, null, null, false, false, PositionSide.Both)]
    [InlineData(OrderType.Market, OrderSide.Sell, "1", null, null, null, true, false, PositionSide.Both)]
    [InlineData(OrderType.Limit, OrderSide.Buy, "1", "100", null, TimeInForce.Ioc, false, false, PositionSide.Long)]
    [InlineData(OrderType.Limit, OrderSide.Sell, "1", "100", null, TimeInForce.Fok, false, false, PositionSide.Short)]
    [InlineData(OrderType.StopMarket, OrderSide.Sell, "1", null, "90", null, true, false, PositionSide.Both)]
    [InlineData(OrderType.StopMarket, OrderSide.Sell, null, null, "90", null, false, true, PositionSide.Both)]
    [InlineData(OrderType.TakeProfitMarket, OrderSide.Sell, null, null, "110", null, false, true, PositionSide.Long)]
    [InlineData(OrderType.TakeProfitMarket, OrderSide.Buy, null, null, "80", null, false, true, PositionSide.Short)]
    [InlineData(OrderType.TakeProfitMarket, OrderSide.Buy, "2", null, "80", null, false, false, PositionSide.Short)]
    public void Should_accept_every_valid_combination(
        OrderType type, OrderSide side, string? quantity, string? price, string? stopPrice, TimeInForce? timeInForce,
        bool reduceOnly, bool closePosition, PositionSide positionSide)
    {
        // act
        var intent = Create(type, side, quantity, price, stopPrice, timeInForce, reduceOnly, closePosition, positionSide);

        // assert
        Assert.Equal(type, intent.Type);
        Assert.Equal(Parse(quantity), intent.Quantity);
        Assert.Equal(Parse(stopPrice), intent.StopPrice);
        Assert.Equal(closePosition, intent.ClosePosition);
    }

    [Theory]
    [InlineData(OrderType.Market, OrderSide.Buy, "1", "100", null, null, false, false, PositionSide.Both,
        "price", "a MARKET order takes no price: use a LIMIT order to set one.")]
    [InlineData(OrderType.StopMarket, OrderSide.Sell, "1", "100", "90", null, false, false, PositionSide.Both,
        "price", "a STOP_MARKET order takes no price: it executes at market once stopPrice triggers it.")]
    [InlineData(OrderType.Limit, OrderSide.Buy, "1", null, null, TimeInForce.Gtc, false, false, PositionSide.Both,
        "price", "a LIMIT order needs a price.")]
    [InlineData(OrderType.Limit, OrderSide.Buy, "1", "0", null, TimeInForce.Gtc, false, false, PositionSide.Both,
        "price", "price must be greater than 0, got 0.")]
    [InlineData(OrderType.Limit, OrderSide.Buy, "1", "-100.5", null, TimeInForce.Gtc, false, false, PositionSide.Both,
        "price", "price must be greater than 0, got -100.5.")]
    [InlineData(OrderType.Limit, OrderSide.Buy, "1", "100", null, null, false, false, PositionSide.Both,
        "timeInForce", "a LIMIT order needs a timeInForce: GTC, IOC, FOK or GTX (post-only).")]
    [InlineData(OrderType.Market, OrderSide.Buy, "1", null, null, TimeInForce.Gtx, false, false, PositionSide.Both,
        "timeInForce", "GTX applies to LIMIT orders only: leave timeInForce unset for a MARKET order.")]
    [InlineData(OrderType.TakeProfitMarket, OrderSide.Sell, "1", null, "110", TimeInForce.Gtc, false, false, PositionSide.Both,
        "timeInForce", "GTC applies to LIMIT orders only: leave timeInForce unset for a TAKE_PROFIT_MARKET order.")]
    [InlineData(OrderType.StopMarket, OrderSide.Sell, "1", null, null, null, false, false, PositionSide.Both,
        "stopPrice", "a STOP_MARKET order needs a stopPrice, the price that triggers it.")]
    [InlineData(OrderType.TakeProfitMarket, OrderSide.Sell, "1", null, "0", null, false, false, PositionSide.Both,
        "stopPrice", "stopPrice must be greater than 0, got 0.")]
    [InlineData(OrderType.Limit, OrderSide.Buy, "1", "100", "90", TimeInForce.Gtc, false, false, PositionSide.Both,
        "stopPrice", "a LIMIT order takes no stopPrice: stopPrice is for STOP_MARKET and TAKE_PROFIT_MARKET orders.")]
    [InlineData(OrderType.Market, OrderSide.Buy, "1", null, "90", null, false, false, PositionSide.Both,
        "stopPrice", "a MARKET order takes no stopPrice: stopPrice is for STOP_MARKET and TAKE_PROFIT_MARKET orders.")]
    [InlineData(OrderType.Market, OrderSide.Buy, null, null, null, null, false, false, PositionSide.Both,
        "quantity", "a MARKET order needs a quantity; only a closePosition order goes without one.")]
    [InlineData(OrderType.Market, OrderSide.Buy, "0", null, null, null, false, false, PositionSide.Both,
        "quantity", "quantity must be greater than 0, got 0.")]
    [InlineData(OrderType.Limit, OrderSide.Buy, "-0.001", "100", null, TimeInForce.Gtc, false, false, PositionSide.Both,
        "quantity", "quantity must be greater than 0, got -0.001.")]
    [InlineData(OrderType.StopMarket, OrderSide.Sell, "1", null, "90", null, false, true, PositionSide.Both,
        "quantity", "a closePosition order takes no quantity: the venue closes the whole position (Aster -4137); leave quantity unset.")]
    [InlineData(OrderType.Market, OrderSide.Sell, null, null, null, null, false, true, PositionSide.Both,
        "closePosition", "closePosition applies to STOP_MARKET and TAKE_PROFIT_MARKET orders only: use reduceOnly to close with a MARKET order.")]
    [InlineData(OrderType.Limit, OrderSide.Sell, null, "100", null, TimeInForce.Gtc, false, true, PositionSide.Both,
        "closePosition", "closePosition applies to STOP_MARKET and TAKE_PROFIT_MARKET orders only: use reduceOnly to close with a LIMIT order.")]
    [InlineData(OrderType.StopMarket, OrderSide.Sell, null, null, "90", null, true, true, PositionSide.Both,
        "reduceOnly", "reduceOnly must be false on a closePosition order: Aster refuses the two together.")]
    [InlineData(OrderType.Limit, OrderSide.Sell, "1", "100", null, TimeInForce.Gtc, true, false, PositionSide.Long,
        "reduceOnly", "reduceOnly must not be sent in hedge mode (positionSide LONG): closing is implied by side and positionSide.")]
    [InlineData(OrderType.Market, OrderSide.Buy, "1", null, null, null, true, false, PositionSide.Short,
        "reduceOnly", "reduceOnly must not be sent in hedge mode (positionSide SHORT): closing is implied by side and positionSide.")]
    [InlineData(OrderType.StopMarket, OrderSide.Buy, null, null, "90", null, false, true, PositionSide.Long,
        "closePosition", "closePosition with BUY on LONG would open, not close: use SELL to close a LONG position.")]
    [InlineData(OrderType.TakeProfitMarket, OrderSide.Sell, null, null, "90", null, false, true, PositionSide.Short,
        "closePosition", "closePosition with SELL on SHORT would open, not close: use BUY to close a SHORT position.")]
    public void Should_refuse_an_impossible_combination_naming_the_field_and_the_remedy(
        OrderType type, OrderSide side, string? quantity, string? price, string? stopPrice, TimeInForce? timeInForce,
        bool reduceOnly, bool closePosition, PositionSide positionSide, string field, string message)
    {
        // act
        var ex = Assert.Throws<ArgumentException>(
            () => Create(type, side, quantity, price, stopPrice, timeInForce, reduceOnly, closePosition, positionSide));

        // assert
        Assert.Equal(field, ex.ParamName);
        Assert.Equal($"{message} (Parameter '{field}')", ex.Message);
    }

    [Fact]
    public void Should_require_a_client_order_id_a_strategy_and_a_symbol()
    {
        // act
        var noId = Assert.Throws<ArgumentException>(() => OrderIntent.Create(default, Grid, Btc, OrderSide.Buy, OrderType.Market, 1m));
        var noStrategy = Assert.Throws<ArgumentException>(() => OrderIntent.Create(Id(), new StrategyId(" "), Btc, OrderSide.Buy, OrderType.Market, 1m));
        var noSymbol = Assert.Throws<ArgumentException>(() => OrderIntent.Create(Id(), Grid, default, OrderSide.Buy, OrderType.Market, 1m));

        // assert
        Assert.Equal("clientOrderId", noId.ParamName);
        Assert.Equal("strategyId", noStrategy.ParamName);
        Assert.Equal("symbol", noSymbol.ParamName);
    }

    [Fact]
    public void Should_refuse_enum_values_outside_the_defined_members()
    {
        // act
        var side = Assert.Throws<ArgumentException>(() => OrderIntent.Create(Id(), Grid, Btc, default, OrderType.Market, 1m));
        var type = Assert.Throws<ArgumentException>(() => OrderIntent.Create(Id(), Grid, Btc, OrderSide.Buy, (OrderType)9, 1m));
        var tif = Assert.Throws<ArgumentException>(
            () => OrderIntent.Create(Id(), Grid, Btc, OrderSide.Buy, OrderType.Limit, 1m, price: 1m, timeInForce: (TimeInForce)0));
        var positionSide = Assert.Throws<ArgumentException>(
            () => OrderIntent.Create(Id(), Grid, Btc, OrderSide.Buy, OrderType.Market, 1m, positionSide: (PositionSide)7));

        // assert
        Assert.Equal("side", side.ParamName);
        Assert.Equal("type", type.ParamName);
        Assert.Equal("timeInForce", tif.ParamName);
        Assert.Equal("positionSide", positionSide.ParamName);
    }

    [Fact]
    public void Should_resize_keeping_every_other_field()
    {
        // arrange
        var intent = Limit(quantity: 2m, price: 100m, timeInForce: TimeInForce.Gtx);

        // act
        var resized = intent.WithQuantity(0.5m);

        // assert
        Assert.Equal(0.5m, resized.Quantity);
        Assert.Equal(intent, OrderIntent.Create(
            resized.ClientOrderId, resized.StrategyId, resized.Symbol, resized.Side, resized.Type, 2m,
            resized.Price, resized.StopPrice, resized.TimeInForce, resized.ReduceOnly, resized.ClosePosition, resized.PositionSide));
    }

    [Fact]
    public void Should_refuse_to_resize_to_zero_or_to_give_a_close_position_order_a_quantity()
    {
        // act
        var zero = Assert.Throws<ArgumentException>(() => Limit().WithQuantity(0m));
        var close = Assert.Throws<ArgumentException>(() => ClosePositionStop().WithQuantity(1m));

        // assert
        Assert.Equal("quantity", zero.ParamName);
        Assert.Equal("quantity", close.ParamName);
    }

    [Fact]
    public void Should_compare_intents_by_value()
    {
        // act
        var a = Limit(quantity: 1.50m);
        var b = Limit(quantity: 1.5m);

        // assert
        Assert.Equal(a, b);
        Assert.NotEqual(a, Limit(quantity: 1.5m, side: OrderSide.Sell));
    }

    private static OrderIntent Create(
        OrderType type, OrderSide side, string? quantity, string? price, string? stopPrice, TimeInForce? timeInForce,
        bool reduceOnly, bool closePosition, PositionSide positionSide) =>
        OrderIntent.Create(
            Id(), Grid, Btc, side, type, Parse(quantity), Parse(price), Parse(stopPrice), timeInForce, reduceOnly, closePosition, positionSide);

    private static decimal? Parse(string? text) => text is null ? null : decimal.Parse(text, CultureInfo.InvariantCulture);
}
