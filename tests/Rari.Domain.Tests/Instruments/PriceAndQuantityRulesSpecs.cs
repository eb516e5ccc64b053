using System.Globalization;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;
using Rari.TestKit;

namespace Rari.Domain.Tests.Instruments;

// BTCUSDT: price 0.1–1,000,000 tick 0.1; LOT_SIZE 0.001–1000 step 0.001; MARKET_LOT_SIZE 0.001–120.
public sealed class PriceAndQuantityRulesSpecs
{
    private static readonly Instrument Btc = TestInstruments.BtcUsdt;

    [Theory]
    [InlineData("65000.0")]
    [InlineData("65000")]
    [InlineData("1000000")]
    [InlineData("5000.1")]
    public void Should_accept_a_limit_price_on_the_tick_within_bounds(string price)
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Buy, D(price), 0.01m));

        // assert
        Assert.Null(violation);
    }

    [Theory]
    [InlineData("0", -4001)]
    [InlineData("-5", -4001)]
    [InlineData("0.05", -4013)]
    [InlineData("1000000.1", -4002)]
    [InlineData("100.05", -4014)]
    [InlineData("65000.01", -4014)]
    public void Should_reject_a_limit_price_with_asters_code(string price, int expectedCode)
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Sell, D(price), 1m));

        // assert
        Assert.NotNull(violation);
        Assert.Equal(FilterType.PriceFilter, violation.Filter);
        Assert.Equal(expectedCode, violation.AsterCode);
        Assert.Equal(violation.Code.ToAsterMessage(), violation.Message);
    }

    [Fact]
    public void Should_explain_an_off_tick_price_with_the_nearest_valid_prices()
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Buy, 100.05m, 1m));

        // assert
        Assert.NotNull(violation);
        Assert.Equal("Price not increased by tick size.", violation.Message);
        Assert.Equal(
            "price 100.05 is not a multiple of tick size 0.1 above min price 0.1; nearest valid prices are 100.0 and 100.1",
            violation.Detail);
    }

    [Theory]
    [InlineData("0", "price 0 must be greater than zero")]
    [InlineData("0.05", "price 0.05 is below min price 0.1")]
    [InlineData("2000000", "price 2000000 is above max price 1000000")]
    public void Should_explain_an_out_of_range_price(string price, string expectedDetail)
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Buy, D(price), 1m));

        // assert
        Assert.Equal(expectedDetail, violation?.Detail);
    }

    [Fact]
    public void Should_skip_price_bounds_that_are_zero()
    {
        // arrange
        var unbounded = Btc with { PriceFilter = new PriceFilter(0m, 0m, 0.1m) };

        // act
        var low = InstrumentRules.Validate(unbounded, OrderCheck.Limit(OrderSide.Buy, 0.05m, 1m, reduceOnly: true));
        var high = InstrumentRules.Validate(unbounded, OrderCheck.Limit(OrderSide.Buy, 5_000_000m, 1m));

        // assert
        Assert.Equal(FilterErrorCode.PriceNotIncreasedByTickSize, low?.Code);
        Assert.Null(high);
    }

    [Fact]
    public void Should_measure_the_tick_from_min_price()
    {
        // arrange: the grid is 0.03, 0.08, 0.13, ...
        var offset = Btc with { PriceFilter = new PriceFilter(0.03m, 0m, 0.05m) };

        // act
        var onGrid = InstrumentRules.Validate(offset, OrderCheck.Limit(OrderSide.Buy, 100.03m, 1m));
        var multipleOfTick = InstrumentRules.Validate(offset, OrderCheck.Limit(OrderSide.Buy, 100.05m, 1m)); // <-- a multiple of 0.05, yet off the grid

        // assert
        Assert.Null(onGrid);
        Assert.Equal(
            "price 100.05 is not a multiple of tick size 0.05 above min price 0.03; nearest valid prices are 100.03 and 100.08",
            multipleOfTick?.Detail);
    }

    [Theory]
    [InlineData(OrderType.StopMarket, "0", -4006)]
    [InlineData(OrderType.StopMarket, "-1", -4006)]
    [InlineData(OrderType.StopMarket, "0.05", -4013)]
    [InlineData(OrderType.StopMarket, "1000000.1", -4007)]
    [InlineData(OrderType.StopMarket, "60000.05", -4014)]
    [InlineData(OrderType.TakeProfitMarket, "0", -4006)]
    [InlineData(OrderType.TakeProfitMarket, "1000000.1", -4007)]
    [InlineData(OrderType.TakeProfitMarket, "70000.01", -4014)]
    public void Should_check_the_stop_price_with_the_price_filter(OrderType type, string stopPrice, int expectedCode)
    {
        // act
        var violation = InstrumentRules.Validate(Btc, new OrderCheck(OrderSide.Sell, type, null, D(stopPrice), 0.01m));

        // assert
        Assert.Equal(FilterType.PriceFilter, violation?.Filter);
        Assert.Equal(expectedCode, violation?.AsterCode);
    }

    [Fact]
    public void Should_explain_an_off_tick_stop_price()
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.StopMarket(OrderSide.Sell, 60_000.05m, 0.01m));

        // assert
        Assert.Equal(
            "stop price 60000.05 is not a multiple of tick size 0.1 above min price 0.1; nearest valid prices are 60000.0 and 60000.1",
            violation?.Detail);
    }

    [Theory]
    [InlineData(OrderType.StopMarket)]
    [InlineData(OrderType.TakeProfitMarket)]
    public void Should_accept_a_valid_conditional_order(OrderType type)
    {
        // act
        var violation = InstrumentRules.Validate(Btc, new OrderCheck(OrderSide.Sell, type, null, 60_000.1m, 0.01m));

        // assert
        Assert.Null(violation);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("0.010")]
    [InlineData("1000")]
    public void Should_accept_a_quantity_on_the_step_within_bounds(string quantity)
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Buy, 65_000m, D(quantity)));

        // assert
        Assert.Null(violation);
    }

    [Theory]
    [InlineData("0", -4003)]
    [InlineData("-1", -4003)]
    [InlineData("0.0005", -4004)]
    [InlineData("1000.001", -4005)]
    [InlineData("0.0105", -4023)]
    public void Should_reject_a_limit_quantity_with_asters_code(string quantity, int expectedCode)
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Buy, 65_000m, D(quantity)));

        // assert
        Assert.Equal(FilterType.LotSize, violation?.Filter);
        Assert.Equal(expectedCode, violation?.AsterCode);
    }

    [Theory]
    [InlineData("0.0105", "quantity 0.0105 is not a multiple of the LOT_SIZE step size 0.001 above min quantity 0.001; nearest valid quantities are 0.010 and 0.011")]
    [InlineData("0.0005", "quantity 0.0005 is below the LOT_SIZE min quantity 0.001")]
    [InlineData("1500", "quantity 1500 is above the LOT_SIZE max quantity 1000; split the order")]
    [InlineData("0", "quantity 0 must be greater than zero")]
    public void Should_explain_a_bad_quantity(string quantity, string expectedDetail)
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Buy, 65_000m, D(quantity)));

        // assert
        Assert.Equal(expectedDetail, violation?.Detail);
    }

    [Theory]
    [InlineData("120", null)]
    [InlineData("121", -4005)]
    [InlineData("0", -4003)]
    [InlineData("0.0005", -4004)]
    [InlineData("0.0105", -4023)]
    public void Should_check_market_quantities_against_market_lot_size(string quantity, int? expectedCode)
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Market(OrderSide.Buy, D(quantity)) with { MarkPrice = 65_000m });

        // assert
        Assert.Equal(expectedCode, violation?.AsterCode);
        if (expectedCode is not null)
        {
            Assert.Equal(FilterType.MarketLotSize, violation?.Filter);
        }
    }

    [Fact]
    public void Should_name_market_lot_size_in_the_detail()
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Market(OrderSide.Buy, 121m));

        // assert
        Assert.Equal("quantity 121 is above the MARKET_LOT_SIZE max quantity 120; split the order", violation?.Detail);
    }

    [Fact]
    public void Should_check_limit_and_conditional_quantities_against_lot_size_not_market_lot_size()
    {
        // act
        var limit = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Buy, 65_000m, 500m));
        var stop = InstrumentRules.Validate(Btc, OrderCheck.StopMarket(OrderSide.Sell, 60_000m, 500m));

        // assert
        Assert.Null(limit);
        Assert.Null(stop);
    }

    [Theory]
    [InlineData(OrderType.StopMarket)]
    [InlineData(OrderType.TakeProfitMarket)]
    public void Should_not_check_quantity_or_notional_of_a_close_position_order(OrderType type)
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.ClosePositionOnTrigger(type, OrderSide.Sell, 60_000m));

        // assert
        Assert.Null(violation);
    }

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
