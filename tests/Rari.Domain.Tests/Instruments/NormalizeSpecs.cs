using Rari.Domain.Instruments;
using Rari.Domain.Orders;
using Rari.TestKit;

namespace Rari.Domain.Tests.Instruments;

public sealed class NormalizeSpecs
{
    private static readonly Instrument Btc = TestInstruments.BtcUsdt;

    [Theory]
    [InlineData(OrderSide.Buy, "100.05", "0.0567", "100.0", "0.056")]
    [InlineData(OrderSide.Sell, "100.05", "0.0567", "100.1", "0.056")]
    [InlineData(OrderSide.Buy, "65000.0", "0.010", "65000.0", "0.010")]
    public void Should_round_a_limit_order_passively_and_its_quantity_down(
        OrderSide side, string price, string quantity, string expectedPrice, string expectedQuantity)
    {
        // act
        var result = InstrumentRules.Normalize(Btc, OrderCheck.Limit(side, D(price), D(quantity)));

        // assert
        Assert.True(result.IsValid);
        Assert.Null(result.Violation);
        Assert.Equal(D(expectedPrice), result.Order.Price);
        Assert.Equal(D(expectedQuantity), result.Order.Quantity);
    }

    [Theory]
    [InlineData(OrderType.StopMarket, OrderSide.Sell, "60000.05", "60000.1")]
    [InlineData(OrderType.StopMarket, OrderSide.Buy, "60000.05", "60000.0")]
    [InlineData(OrderType.TakeProfitMarket, OrderSide.Sell, "70000.05", "70000.1")]
    [InlineData(OrderType.TakeProfitMarket, OrderSide.Buy, "50000.05", "50000.0")]
    public void Should_round_a_stop_price_down_for_a_buy_and_up_for_a_sell(OrderType type, OrderSide side, string stopPrice, string expected)
    {
        // act
        var result = InstrumentRules.Normalize(Btc, new OrderCheck(side, type, null, D(stopPrice), 0.01m));

        // assert
        Assert.True(result.IsValid);
        Assert.Equal(D(expected), result.Order.StopPrice);
    }

    [Fact]
    public void Should_round_only_the_stop_price_of_a_close_position_order()
    {
        // act
        var result = InstrumentRules.Normalize(Btc, OrderCheck.ClosePositionOnTrigger(OrderType.StopMarket, OrderSide.Sell, 59_999.99m));

        // assert
        Assert.True(result.IsValid);
        Assert.Equal(60_000.0m, result.Order.StopPrice);
        Assert.Null(result.Order.Quantity);
        Assert.True(result.Order.ClosePosition);
    }

    [Fact]
    public void Should_round_a_market_quantity_on_the_market_lot_size()
    {
        // arrange
        var instrument = Btc with { MarketLotSize = new LotSizeFilter(0.01m, 120m, 0.01m) };

        // act
        var result = InstrumentRules.Normalize(instrument, OrderCheck.Market(OrderSide.Buy, 0.0567m) with { MarkPrice = 65_000m });

        // assert
        Assert.True(result.IsValid);
        Assert.Equal(0.05m, result.Order.Quantity);
    }

    [Fact]
    public void Should_keep_the_context_of_the_intended_order()
    {
        // arrange
        var intended = OrderCheck.Limit(OrderSide.Buy, 100.05m, 0.1m, reduceOnly: true) with
        {
            MarkPrice = 100m,
            OpenOrderCount = 3,
            OpenAlgoOrderCount = 2,
        };

        // act
        var result = InstrumentRules.Normalize(Btc, intended);

        // assert
        Assert.True(result.IsValid);
        Assert.Equal((100m, 3, 2, true), (result.Order.MarkPrice, result.Order.OpenOrderCount, result.Order.OpenAlgoOrderCount, result.Order.ReduceOnly));
    }

    [Fact]
    public void Should_reject_a_quantity_below_min_qty_as_the_caller_gave_it()
    {
        // act
        var result = InstrumentRules.Normalize(Btc, OrderCheck.Limit(OrderSide.Buy, 65_000m, 0.0009m));

        // assert
        Assert.False(result.IsValid);
        Assert.Null(result.Order);
        Assert.Equal(FilterErrorCode.QuantityLessThanMinQuantity, result.Violation.Code);
        Assert.Equal("quantity 0.0009 is below the LOT_SIZE min quantity 0.001", result.Violation.Detail);
    }

    [Fact]
    public void Should_say_what_was_rounded_when_the_rounded_order_still_breaks_a_filter()
    {
        // act
        var result = InstrumentRules.Normalize(Btc, OrderCheck.Limit(OrderSide.Buy, 100.05m, 1_500.0005m));

        // assert
        Assert.Equal(FilterErrorCode.QuantityGreaterThanMaxQuantity, result.Violation?.Code);
        Assert.Equal(
            "after rounding price 100.05 down to 100.0 and quantity 1500.0005 down to 1500.000: " +
            "quantity 1500.000 is above the LOT_SIZE max quantity 1000; split the order",
            result.Violation?.Detail);
    }

    [Theory]
    [InlineData(OrderSide.Buy, "0.05", -4013, "price 0.05 is below min price 0.1")]
    [InlineData(OrderSide.Sell, "0.05", null, null)]
    public void Should_leave_a_price_that_would_round_below_min_price_as_given(OrderSide side, string price, int? expectedCode, string? expectedDetail)
    {
        // act
        var result = InstrumentRules.Normalize(Btc, OrderCheck.Limit(side, D(price), 100m, reduceOnly: true));

        // assert
        Assert.Equal(expectedCode, result.Violation?.AsterCode);
        Assert.Equal(expectedDetail, result.Violation?.Detail);
        if (result.IsValid)
        {
            Assert.Equal(0.1m, result.Order.Price);
        }
    }

    [Fact]
    public void Should_reject_a_notional_that_falls_below_the_minimum_after_rounding()
    {
        // act
        var result = InstrumentRules.Normalize(Btc, OrderCheck.Limit(OrderSide.Buy, 4_999.95m, 0.0019m));

        // assert
        Assert.False(result.IsValid);
        Assert.Equal(FilterErrorCode.MinNotional, result.Violation.Code);
        Assert.Equal("Order's notional must be no smaller than 5.0 (unless you choose reduce only)", result.Violation.Message);
        Assert.Equal(
            "after rounding price 4999.95 down to 4999.9 and quantity 0.0019 down to 0.001: notional 4.9999 (price 4999.9 × quantity 0.001) " +
            "is below min notional 5; at this price the smallest valid quantity is 0.002, or send the order reduce-only",
            result.Violation.Detail);
    }

    [Fact]
    public void Should_not_round_a_buy_price_down_to_zero()
    {
        // arrange
        var unbounded = Btc with { PriceFilter = new PriceFilter(0m, 0m, 0.1m) };

        // act
        var result = InstrumentRules.Normalize(unbounded, OrderCheck.Limit(OrderSide.Buy, 0.05m, 1m, reduceOnly: true));

        // assert
        Assert.Equal(FilterErrorCode.PriceNotIncreasedByTickSize, result.Violation?.Code);
        Assert.Equal(
            "price 0.05 is not a multiple of tick size 0.1 above min price 0; nearest valid prices are 0.0 and 0.1",
            result.Violation?.Detail);
    }

    [Fact]
    public void Should_not_clamp_a_price_outside_the_bounds()
    {
        // act
        var result = InstrumentRules.Normalize(Btc, OrderCheck.Limit(OrderSide.Buy, 2_000_000m, 1m));

        // assert
        Assert.Equal(FilterErrorCode.PriceGreaterThanMaxPrice, result.Violation?.Code);
        Assert.Equal("price 2000000.0 is above max price 1000000", result.Violation?.Detail);
    }

    [Fact]
    public void Should_leave_non_positive_values_as_given_so_the_violation_names_them()
    {
        // act
        var result = InstrumentRules.Normalize(Btc, OrderCheck.Limit(OrderSide.Buy, 65_000m, -1m));

        // assert
        Assert.Equal(FilterErrorCode.QuantityLessThanZero, result.Violation?.Code);
        Assert.Equal("quantity -1 must be greater than zero", result.Violation?.Detail);
    }

    [Fact]
    public void Should_pass_count_violations_through_without_a_rounding_note()
    {
        // act
        var result = InstrumentRules.Normalize(Btc, OrderCheck.Limit(OrderSide.Buy, 65_000m, 0.01m) with { OpenOrderCount = 200 });

        // assert
        Assert.Equal(FilterErrorCode.MaxOpenOrderExceeded, result.Violation?.Code);
        Assert.StartsWith("200 orders are already open", result.Violation?.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_every_normalized_order_valid_and_never_worse_than_intended()
    {
        // arrange
        var random = new Random(20_241_123);
        var seenCodes = new HashSet<FilterErrorCode>();
        var valid = 0;
        const int cases = 12_000;

        for (var i = 0; i < cases; i++)
        {
            var instrument = TestInstruments.All[random.Next(TestInstruments.All.Count)];
            var intended = RandomOrder(random, instrument);

            // act
            var result = InstrumentRules.Normalize(instrument, intended);

            // assert
            if (InstrumentRules.Validate(instrument, intended) is null)
            {
                Assert.True(result.IsValid, $"a valid order must normalize to itself: {intended}");
                Assert.Equal(intended, result.Order);
            }

            if (!result.IsValid)
            {
                seenCodes.Add(result.Violation.Code);
                continue;
            }

            valid++;
            var order = result.Order;
            Assert.Null(InstrumentRules.Validate(instrument, order));
            Assert.Equal(order, InstrumentRules.Normalize(instrument, order).Order);
            Assert.Equal(
                (intended.Side, intended.Type, intended.ReduceOnly, intended.ClosePosition, intended.MarkPrice, intended.OpenOrderCount, intended.OpenAlgoOrderCount),
                (order.Side, order.Type, order.ReduceOnly, order.ClosePosition, order.MarkPrice, order.OpenOrderCount, order.OpenAlgoOrderCount));
            AssertRoundedTowardUs(intended.Side, intended.Price, order.Price, instrument.PriceFilter);
            AssertRoundedTowardUs(intended.Side, intended.StopPrice, order.StopPrice, instrument.PriceFilter);
            if (intended.Quantity is { } wanted)
            {
                var lot = instrument.LotSizeFor(intended.Type);
                var got = order.Quantity!.Value;
                Assert.True(got <= wanted && wanted - got < lot.StepSize, $"quantity {wanted} became {got}");
                Assert.True(IsWholeMultiple(got - lot.MinQty, lot.StepSize), $"quantity {got} is off the step grid");
            }
        }

        // assert: the generator reaches both outcomes and every kind of rejection
        Assert.InRange(valid, cases * 3 / 10, cases * 9 / 10);
        FilterErrorCode[] expected =
        [
            FilterErrorCode.QuantityLessThanZero, FilterErrorCode.QuantityLessThanMinQuantity, FilterErrorCode.QuantityGreaterThanMaxQuantity,
            FilterErrorCode.MinNotional, FilterErrorCode.PriceHigherThanMultiplierUp, FilterErrorCode.PriceLowerThanMultiplierDown,
            FilterErrorCode.MaxOpenOrderExceeded, FilterErrorCode.MaxStopOrderExceeded, FilterErrorCode.PriceLessThanMinPrice,
        ];
        Assert.Empty(expected.Except(seenCodes));
    }

    private static void AssertRoundedTowardUs(OrderSide side, decimal? intended, decimal? normalized, PriceFilter filter)
    {
        if (intended is not { } wanted)
        {
            Assert.Null(normalized);
            return;
        }

        var got = normalized!.Value;
        var ok = side == OrderSide.Buy
            ? got <= wanted && wanted - got < filter.TickSize
            : got >= wanted && got - wanted < filter.TickSize;
        Assert.True(ok, $"{side} price {wanted} became {got}");
        Assert.True(IsWholeMultiple(got - filter.MinPrice, filter.TickSize), $"price {got} is off the tick grid");
    }

    // Independent of the remainder arithmetic under test: divide, truncate, multiply back.
    private static bool IsWholeMultiple(decimal value, decimal step) => decimal.Truncate(value / step) * step == value;

    private static OrderCheck RandomOrder(Random random, Instrument instrument)
    {
        var typical = TestInstruments.TypicalPrice(instrument);
        var side = random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
        var type = (OrderType)random.Next(1, 5);

        // Prices scatter ±20 % around the typical price with 6 significant decimals; 5 % land far away.
        var price = typical * Math.Round((decimal)(0.8 + (0.4 * random.NextDouble())), 6);
        if (random.Next(20) == 0)
        {
            price *= random.Next(2) == 0 ? 0.5m : 1.6m;
        }

        if (random.Next(200) == 0)
        {
            price = instrument.PriceFilter.TickSize / 3m;
        }

        // Notionals from 0.5 to 50,000 USDT, log-uniform; a few non-positive or oversized quantities.
        var notional = (decimal)Math.Exp(Math.Log(0.5) + (random.NextDouble() * Math.Log(100_000)));
        var quantity = Math.Round(notional / typical, 7);
        var roll = random.Next(100);
        if (roll == 0)
        {
            quantity = -quantity;
        }
        else if (roll == 1)
        {
            quantity = 0m;
        }
        else if (roll < 4)
        {
            quantity = instrument.LotSize.MaxQty * 1.5m;
        }

        var conditional = type is OrderType.StopMarket or OrderType.TakeProfitMarket;
        var closePosition = conditional && random.Next(10) == 0;
        var reduceOnly = !closePosition && random.Next(5) == 0;
        var order = new OrderCheck(
            side,
            type,
            type == OrderType.Limit ? price : null,
            conditional ? price : null,
            closePosition ? null : quantity,
            reduceOnly,
            closePosition);

        return order with
        {
            MarkPrice = random.Next(5) == 0 ? null : typical * Math.Round((decimal)(0.9 + (0.2 * random.NextDouble())), 6),
            OpenOrderCount = random.Next(30) == 0 ? instrument.MaxNumOrders : random.Next(instrument.MaxNumOrders),
            OpenAlgoOrderCount = random.Next(30) == 0 ? instrument.MaxNumAlgoOrders : random.Next(instrument.MaxNumAlgoOrders),
        };
    }

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
