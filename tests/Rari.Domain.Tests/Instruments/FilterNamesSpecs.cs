using Rari.Domain.Instruments;

namespace Rari.Domain.Tests.Instruments;

public sealed class FilterNamesSpecs
{
    [Theory]
    [InlineData(FilterType.PriceFilter, "PRICE_FILTER")]
    [InlineData(FilterType.LotSize, "LOT_SIZE")]
    [InlineData(FilterType.MarketLotSize, "MARKET_LOT_SIZE")]
    [InlineData(FilterType.MinNotional, "MIN_NOTIONAL")]
    [InlineData(FilterType.PercentPrice, "PERCENT_PRICE")]
    [InlineData(FilterType.MaxNumOrders, "MAX_NUM_ORDERS")]
    [InlineData(FilterType.MaxNumAlgoOrders, "MAX_NUM_ALGO_ORDERS")]
    public void Should_name_each_filter_as_aster_does_and_parse_it_back(FilterType filter, string asterName)
    {
        // act
        var name = filter.ToAsterName();
        var parsed = FilterTypeNames.TryParse(asterName, out var back);

        // assert
        Assert.Equal(asterName, name);
        Assert.True(parsed);
        Assert.Equal(filter, back);
    }

    [Theory]
    [InlineData("ICEBERG_PARTS")]
    [InlineData("price_filter")]
    [InlineData(null)]
    public void Should_not_parse_an_unknown_filter_name(string? asterName)
    {
        // act + assert
        Assert.False(FilterTypeNames.TryParse(asterName, out _));
    }

    [Theory]
    [InlineData(FilterErrorCode.MaxOpenOrderExceeded, -2025, "MAX_OPEN_ORDER_EXCEEDED", "Reach max open order limit.")]
    [InlineData(FilterErrorCode.PriceLessThanZero, -4001, "PRICE_LESS_THAN_ZERO", "Price less than 0.")]
    [InlineData(FilterErrorCode.PriceGreaterThanMaxPrice, -4002, "PRICE_GREATER_THAN_MAX_PRICE", "Price greater than max price.")]
    [InlineData(FilterErrorCode.QuantityLessThanZero, -4003, "QTY_LESS_THAN_ZERO", "Quantity less than zero.")]
    [InlineData(FilterErrorCode.QuantityLessThanMinQuantity, -4004, "QTY_LESS_THAN_MIN_QTY", "Quantity less than min quantity.")]
    [InlineData(FilterErrorCode.QuantityGreaterThanMaxQuantity, -4005, "QTY_GREATER_THAN_MAX_QTY", "Quantity greater than max quantity.")]
    [InlineData(FilterErrorCode.StopPriceLessThanZero, -4006, "STOP_PRICE_LESS_THAN_ZERO", "Stop price less than zero.")]
    [InlineData(FilterErrorCode.StopPriceGreaterThanMaxPrice, -4007, "STOP_PRICE_GREATER_THAN_MAX_PRICE", "Stop price greater than max price.")]
    [InlineData(FilterErrorCode.PriceLessThanMinPrice, -4013, "PRICE_LESS_THAN_MIN_PRICE", "Price less than min price.")]
    [InlineData(FilterErrorCode.PriceNotIncreasedByTickSize, -4014, "PRICE_NOT_INCREASED_BY_TICK_SIZE", "Price not increased by tick size.")]
    [InlineData(FilterErrorCode.PriceHigherThanMultiplierUp, -4016, "PRICE_HIGHTER_THAN_MULTIPLIER_UP", "Price is higher than mark price multiplier cap.")]
    [InlineData(FilterErrorCode.QuantityNotIncreasedByStepSize, -4023, "QTY_NOT_INCREASED_BY_STEP_SIZE", "Qty not increased by step size.")]
    [InlineData(FilterErrorCode.PriceLowerThanMultiplierDown, -4024, "PRICE_LOWER_THAN_MULTIPLIER_DOWN", "Price is lower than mark price multiplier floor.")]
    [InlineData(FilterErrorCode.MaxStopOrderExceeded, -4045, "MAX_STOP_ORDER_EXCEEDED", "Reach max stop order limit.")]
    [InlineData(FilterErrorCode.MinNotional, -4164, "MIN_NOTIONAL", "Order's notional must be no smaller than 5.0 (unless you choose reduce only)")]
    public void Should_carry_asters_code_name_and_message(FilterErrorCode code, int expectedCode, string expectedName, string expectedMessage)
    {
        // act + assert
        Assert.Equal(expectedCode, (int)code);
        Assert.Equal(expectedName, code.ToAsterName());
        Assert.Equal(expectedMessage, code.ToAsterMessage());
    }

    [Theory]
    [InlineData("5", "5.0")]
    [InlineData("5.00", "5.0")]
    [InlineData("5.5", "5.5")]
    [InlineData("0.50", "0.5")]
    [InlineData("100", "100.0")]
    public void Should_print_the_min_notional_like_aster(string minimum, string expectedText)
    {
        // act
        var message = FilterErrorCodeNames.MinNotionalMessage(decimal.Parse(minimum, System.Globalization.CultureInfo.InvariantCulture));

        // assert
        Assert.Equal($"Order's notional must be no smaller than {expectedText} (unless you choose reduce only)", message);
    }

    [Fact]
    public void Should_describe_a_violation_with_filter_code_and_detail()
    {
        // arrange
        var violation = new FilterViolation(
            FilterType.PriceFilter, FilterErrorCode.PriceNotIncreasedByTickSize, "Price not increased by tick size.", "price 1.05 is off the tick");

        // act + assert
        Assert.Equal(-4014, violation.AsterCode);
        Assert.Equal("PRICE_FILTER -4014 PRICE_NOT_INCREASED_BY_TICK_SIZE: price 1.05 is off the tick", violation.ToString());
    }
}
