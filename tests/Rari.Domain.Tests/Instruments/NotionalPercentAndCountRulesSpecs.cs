using Rari.Domain.Instruments;
using Rari.Domain.Orders;
using Rari.TestKit;

namespace Rari.Domain.Tests.Instruments;

// BTCUSDT: min notional 5; PERCENT_PRICE 1.05 / 0.95; MAX_NUM_ORDERS 200; MAX_NUM_ALGO_ORDERS 100.
public sealed class NotionalPercentAndCountRulesSpecs
{
    private static readonly Instrument Btc = TestInstruments.BtcUsdt;

    [Fact]
    public void Should_reject_a_limit_order_below_min_notional_with_asters_message()
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Buy, 4_000m, 0.001m));

        // assert
        Assert.NotNull(violation);
        Assert.Equal(FilterType.MinNotional, violation.Filter);
        Assert.Equal(-4164, violation.AsterCode);
        Assert.Equal("Order's notional must be no smaller than 5.0 (unless you choose reduce only)", violation.Message);
        Assert.Equal(
            "notional 4.000 (price 4000 × quantity 0.001) is below min notional 5; at this price the smallest valid quantity is 0.002, or send the order reduce-only",
            violation.Detail);
    }

    [Theory]
    [InlineData(5_000, false, null)]
    [InlineData(4_999.9, false, -4164)]
    [InlineData(4_999.9, true, null)]
    public void Should_accept_the_exact_minimum_and_exempt_reduce_only(double price, bool reduceOnly, int? expectedCode)
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Sell, (decimal)price, 0.001m, reduceOnly));

        // assert
        Assert.Equal(expectedCode, violation?.AsterCode);
    }

    [Fact]
    public void Should_value_a_market_order_at_the_mark_price()
    {
        // act
        var below = InstrumentRules.Validate(Btc, OrderCheck.Market(OrderSide.Buy, 0.001m) with { MarkPrice = 4_000m });
        var above = InstrumentRules.Validate(Btc, OrderCheck.Market(OrderSide.Buy, 0.001m) with { MarkPrice = 65_000m });
        var unknown = InstrumentRules.Validate(Btc, OrderCheck.Market(OrderSide.Buy, 0.001m));

        // assert
        Assert.Equal(
            "notional 4.000 (mark price 4000 × quantity 0.001) is below min notional 5; at this mark price the smallest valid quantity is 0.002, or send the order reduce-only",
            below?.Detail);
        Assert.Null(above);
        Assert.Null(unknown);
    }

    [Fact]
    public void Should_value_a_conditional_order_at_its_stop_price()
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.StopMarket(OrderSide.Sell, 4_000m, 0.001m));

        // assert
        Assert.Equal(FilterErrorCode.MinNotional, violation?.Code);
        Assert.StartsWith("notional 4.000 (stop price 4000 × quantity 0.001)", violation?.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_quote_the_symbols_own_minimum_in_the_message()
    {
        // arrange
        var instrument = Btc with { MinNotional = new MinNotionalFilter(100m) };

        // act
        var violation = InstrumentRules.Validate(instrument, OrderCheck.Limit(OrderSide.Buy, 65_000m, 0.001m));

        // assert
        Assert.Equal("Order's notional must be no smaller than 100.0 (unless you choose reduce only)", violation?.Message);
    }

    [Theory]
    [InlineData(OrderSide.Buy, "63000.0", null)]
    [InlineData(OrderSide.Buy, "63000.1", -4016)]
    [InlineData(OrderSide.Buy, "10000", null)]
    [InlineData(OrderSide.Sell, "57000.0", null)]
    [InlineData(OrderSide.Sell, "56999.9", -4024)]
    [InlineData(OrderSide.Sell, "90000", null)]
    public void Should_hold_limit_prices_to_the_percent_price_band(OrderSide side, string price, int? expectedCode)
    {
        // act
        var violation = InstrumentRules.Validate(
            Btc, OrderCheck.Limit(side, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), 0.01m) with { MarkPrice = 60_000m });

        // assert
        Assert.Equal(expectedCode, violation?.AsterCode);
        if (expectedCode is not null)
        {
            Assert.Equal(FilterType.PercentPrice, violation?.Filter);
        }
    }

    [Fact]
    public void Should_explain_a_percent_price_violation_with_the_best_valid_price()
    {
        // act
        var buy = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Buy, 63_000.4m, 0.01m) with { MarkPrice = 60_000.3m });
        var sell = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Sell, 56_999.9m, 0.01m) with { MarkPrice = 60_000m });

        // assert
        Assert.Equal("Price is higher than mark price multiplier cap.", buy?.Message);
        Assert.Equal(
            "BUY price 63000.4 is above mark price 60000.3 × multiplierUp 1.05 = 63000.315; the highest valid price is 63000.3",
            buy?.Detail);
        Assert.Equal("Price is lower than mark price multiplier floor.", sell?.Message);
        Assert.Equal(
            "SELL price 56999.9 is below mark price 60000 × multiplierDown 0.95 = 57000.00; the lowest valid price is 57000.0",
            sell?.Detail);
    }

    [Fact]
    public void Should_skip_percent_price_without_a_mark_price()
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Buy, 900_000m, 0.01m));

        // assert
        Assert.Null(violation);
    }

    [Theory]
    [InlineData(OrderType.Limit, 199, 0, null)]
    [InlineData(OrderType.Limit, 200, 0, -2025)]
    [InlineData(OrderType.Limit, 10, 100, null)]
    [InlineData(OrderType.Market, 200, 100, null)]
    [InlineData(OrderType.StopMarket, 150, 99, null)]
    [InlineData(OrderType.StopMarket, 150, 100, -4045)]
    [InlineData(OrderType.TakeProfitMarket, 150, 100, -4045)]
    [InlineData(OrderType.StopMarket, 200, 100, -2025)]
    public void Should_enforce_the_open_order_limits(OrderType type, int openOrders, int openAlgoOrders, int? expectedCode)
    {
        // arrange
        var order = type switch
        {
            OrderType.Limit => OrderCheck.Limit(OrderSide.Buy, 65_000m, 0.01m),
            OrderType.Market => OrderCheck.Market(OrderSide.Buy, 0.01m),
            _ => new OrderCheck(OrderSide.Sell, type, null, 60_000m, 0.01m),
        };

        // act
        var violation = InstrumentRules.Validate(Btc, order with { OpenOrderCount = openOrders, OpenAlgoOrderCount = openAlgoOrders });

        // assert
        Assert.Equal(expectedCode, violation?.AsterCode);
    }

    [Fact]
    public void Should_explain_the_open_order_limits()
    {
        // act
        var orders = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Buy, 65_000m, 0.01m) with { OpenOrderCount = 200 });
        var algo = InstrumentRules.Validate(Btc, OrderCheck.StopMarket(OrderSide.Sell, 60_000m, 0.01m) with { OpenAlgoOrderCount = 100 });

        // assert
        Assert.Equal(FilterType.MaxNumOrders, orders?.Filter);
        Assert.Equal("Reach max open order limit.", orders?.Message);
        Assert.Equal("200 orders are already open on BTCUSDT, at the MAX_NUM_ORDERS limit of 200; cancel one before placing another", orders?.Detail);
        Assert.Equal(FilterType.MaxNumAlgoOrders, algo?.Filter);
        Assert.Equal("Reach max stop order limit.", algo?.Message);
        Assert.Equal(
            "100 conditional orders are already open on BTCUSDT, at the MAX_NUM_ALGO_ORDERS limit of 100; cancel one before placing another",
            algo?.Detail);
    }

    [Fact]
    public void Should_report_price_before_quantity()
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Buy, 100.05m, 0.0105m));

        // assert
        Assert.Equal(FilterErrorCode.PriceNotIncreasedByTickSize, violation?.Code);
    }

    [Fact]
    public void Should_report_the_stop_price_before_the_quantity()
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.StopMarket(OrderSide.Sell, 0m, 0m));

        // assert
        Assert.Equal(FilterErrorCode.StopPriceLessThanZero, violation?.Code);
    }

    [Fact]
    public void Should_report_quantity_before_notional()
    {
        // act
        var violation = InstrumentRules.Validate(Btc, OrderCheck.Limit(OrderSide.Buy, 100m, 0.0005m));

        // assert
        Assert.Equal(FilterErrorCode.QuantityLessThanMinQuantity, violation?.Code);
    }

    [Fact]
    public void Should_report_notional_before_percent_price()
    {
        // arrange
        var instrument = Btc with { MinNotional = new MinNotionalFilter(100m) };

        // act
        var violation = InstrumentRules.Validate(instrument, OrderCheck.Limit(OrderSide.Buy, 63_000.1m, 0.001m) with { MarkPrice = 60_000m });

        // assert
        Assert.Equal(FilterErrorCode.MinNotional, violation?.Code);
    }

    [Fact]
    public void Should_report_percent_price_before_the_order_counts()
    {
        // act
        var violation = InstrumentRules.Validate(
            Btc, OrderCheck.Limit(OrderSide.Buy, 63_000.1m, 0.01m) with { MarkPrice = 60_000m, OpenOrderCount = 200 });

        // assert
        Assert.Equal(FilterErrorCode.PriceHigherThanMultiplierUp, violation?.Code);
    }
}
