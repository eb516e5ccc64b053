using Rari.Domain.Instruments;
using Rari.Domain.Orders;

namespace Rari.Domain.Tests.Instruments;

public sealed class OrderCheckSpecs
{
    [Theory]
    [InlineData(OrderType.Limit, null, null, "1", false, false, "price")]
    [InlineData(OrderType.Market, "100", null, "1", false, false, "price")]
    [InlineData(OrderType.StopMarket, "100", "100", "1", false, false, "price")]
    [InlineData(OrderType.Limit, "100", "100", "1", false, false, "stopPrice")]
    [InlineData(OrderType.StopMarket, null, null, "1", false, false, "stopPrice")]
    [InlineData(OrderType.TakeProfitMarket, null, null, "1", false, false, "stopPrice")]
    [InlineData(OrderType.Market, null, null, null, false, false, "quantity")]
    [InlineData(OrderType.StopMarket, null, "100", "1", false, true, "quantity")]
    [InlineData(OrderType.StopMarket, null, "100", null, true, true, "reduceOnly")]
    [InlineData(OrderType.Limit, "100", null, null, false, true, "closePosition")]
    public void Should_reject_an_order_shape_aster_would_not_parse(
        OrderType type, string? price, string? stopPrice, string? quantity, bool reduceOnly, bool closePosition, string field)
    {
        // act
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            new OrderCheck(OrderSide.Buy, type, N(price), N(stopPrice), N(quantity), reduceOnly, closePosition));

        // assert
        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void Should_reject_undefined_sides_and_types()
    {
        // act + assert
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderCheck((OrderSide)0, OrderType.Market, null, null, 1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrderCheck(OrderSide.Buy, (OrderType)9, null, null, 1m));
    }

    [Fact]
    public void Should_reject_a_non_positive_mark_price_and_negative_counts()
    {
        // arrange
        var order = OrderCheck.Market(OrderSide.Buy, 1m);

        // act + assert
        Assert.Throws<ArgumentOutOfRangeException>(() => order with { MarkPrice = 0m });
        Assert.Throws<ArgumentOutOfRangeException>(() => order with { OpenOrderCount = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => order with { OpenAlgoOrderCount = -1 });
    }

    [Fact]
    public void Should_build_each_order_shape_from_its_factory()
    {
        // act
        var limit = OrderCheck.Limit(OrderSide.Buy, 100m, 2m, reduceOnly: true);
        var market = OrderCheck.Market(OrderSide.Sell, 3m);
        var stop = OrderCheck.StopMarket(OrderSide.Sell, 90m, 1m);
        var takeProfit = OrderCheck.TakeProfitMarket(OrderSide.Sell, 120m, 1m);
        var closeAll = OrderCheck.ClosePositionOnTrigger(OrderType.StopMarket, OrderSide.Sell, 90m);

        // assert
        Assert.Equal((OrderType.Limit, (decimal?)100m, (decimal?)null, (decimal?)2m, true), (limit.Type, limit.Price, limit.StopPrice, limit.Quantity, limit.ReduceOnly));
        Assert.Equal((OrderType.Market, (decimal?)null, (decimal?)3m), (market.Type, market.Price, market.Quantity));
        Assert.Equal((OrderType.StopMarket, (decimal?)90m, true), (stop.Type, stop.StopPrice, stop.IsConditional));
        Assert.Equal((OrderType.TakeProfitMarket, (decimal?)120m, true), (takeProfit.Type, takeProfit.StopPrice, takeProfit.IsConditional));
        Assert.Equal((true, (decimal?)null, false), (closeAll.ClosePosition, closeAll.Quantity, closeAll.ReduceOnly));
        Assert.False(limit.IsConditional);
        Assert.False(market.IsConditional);
    }

    [Fact]
    public void Should_accept_non_positive_values_so_the_filters_can_report_them()
    {
        // act
        var order = OrderCheck.Limit(OrderSide.Buy, -1m, 0m);

        // assert
        Assert.Equal(-1m, order.Price);
        Assert.Equal(0m, order.Quantity);
    }

    private static decimal? N(string? text) =>
        text is null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
