using System.Globalization;
using Rari.Domain.Instruments;
using Rari.Domain.Orders;
using Rari.TestKit;

namespace Rari.Domain.Tests.Instruments;

public sealed class RoundingSpecs
{
    [Theory]
    // tick 0.1 from 0
    [InlineData("0", "0.1", "100.05", TickRounding.Down, "100.0")]
    [InlineData("0", "0.1", "100.05", TickRounding.Up, "100.1")]
    [InlineData("0", "0.1", "100.05", TickRounding.Nearest, "100.1")]
    [InlineData("0", "0.1", "100.04", TickRounding.Nearest, "100.0")]
    [InlineData("0", "0.1", "100.1", TickRounding.Down, "100.1")]
    [InlineData("0", "0.1", "100.1", TickRounding.Up, "100.1")]
    // tick 0.0001 from 0.0001
    [InlineData("0.0001", "0.0001", "1.23456", TickRounding.Down, "1.2345")]
    [InlineData("0.0001", "0.0001", "1.23456", TickRounding.Up, "1.2346")]
    [InlineData("0.0001", "0.0001", "1.23456", TickRounding.Nearest, "1.2346")]
    [InlineData("0.0001", "0.0001", "1.23455", TickRounding.Nearest, "1.2346")]
    [InlineData("0.0001", "0.0001", "1.23454", TickRounding.Nearest, "1.2345")]
    // tick 0.5
    [InlineData("0", "0.5", "10.3", TickRounding.Down, "10.0")]
    [InlineData("0", "0.5", "10.3", TickRounding.Up, "10.5")]
    [InlineData("0", "0.5", "10.3", TickRounding.Nearest, "10.5")]
    [InlineData("0", "0.5", "10.2", TickRounding.Nearest, "10.0")]
    [InlineData("0", "0.5", "10.25", TickRounding.Nearest, "10.5")]
    // tick 5
    [InlineData("0", "5", "1234", TickRounding.Down, "1230")]
    [InlineData("0", "5", "1234", TickRounding.Up, "1235")]
    [InlineData("0", "5", "1232", TickRounding.Nearest, "1230")]
    [InlineData("0", "5", "1232.5", TickRounding.Nearest, "1235")]
    [InlineData("0", "5", "1232.49", TickRounding.Nearest, "1230")]
    // min price off the tick multiples: the grid is 0.03, 0.08, 0.13, ...
    [InlineData("0.03", "0.05", "1.00", TickRounding.Down, "0.98")]
    [InlineData("0.03", "0.05", "1.00", TickRounding.Up, "1.03")]
    [InlineData("0.03", "0.05", "1.00", TickRounding.Nearest, "0.98")]
    [InlineData("0.03", "0.05", "1.01", TickRounding.Nearest, "1.03")]
    [InlineData("0.03", "0.05", "0.01", TickRounding.Down, "-0.02")]
    [InlineData("0.03", "0.05", "0.01", TickRounding.Up, "0.03")]
    // min 2.5, tick 5: the grid is 2.5, 7.5, 12.5, ...
    [InlineData("2.5", "5", "100", TickRounding.Down, "97.5")]
    [InlineData("2.5", "5", "100", TickRounding.Up, "102.5")]
    [InlineData("2.5", "5", "100", TickRounding.Nearest, "102.5")]
    [InlineData("2.5", "5", "99", TickRounding.Nearest, "97.5")]
    [InlineData("2.5", "5", "97.5", TickRounding.Up, "97.5")]
    public void Should_round_a_price_onto_the_tick_grid_counted_from_min_price(
        string minPrice, string tickSize, string price, TickRounding mode, string expected)
    {
        // arrange
        var filter = new PriceFilter(D(minPrice), 0m, D(tickSize));

        // act
        var rounded = filter.Round(D(price), mode);

        // assert
        Assert.Equal(D(expected), rounded);
    }

    [Theory]
    [InlineData("0.001", "0.001", "0.0105", TickRounding.Down, "0.010")]
    [InlineData("0.001", "0.001", "0.0105", TickRounding.Up, "0.011")]
    [InlineData("0.001", "0.001", "0.0105", TickRounding.Nearest, "0.011")]
    [InlineData("0.1", "0.1", "12.34", TickRounding.Down, "12.3")]
    [InlineData("0.1", "0.1", "12.34", TickRounding.Up, "12.4")]
    [InlineData("0.01", "0.01", "7.999", TickRounding.Down, "7.99")]
    [InlineData("0.005", "0.01", "1.0", TickRounding.Down, "0.995")]
    [InlineData("0.005", "0.01", "1.0", TickRounding.Up, "1.005")]
    [InlineData("0", "0.5", "0.2", TickRounding.Down, "0")]
    [InlineData("1", "1", "0.5", TickRounding.Down, "0")]
    public void Should_round_a_quantity_onto_the_step_grid_counted_from_min_qty(
        string minQty, string stepSize, string quantity, TickRounding mode, string expected)
    {
        // arrange
        var filter = new LotSizeFilter(D(minQty), 1_000_000m, D(stepSize));

        // act
        var rounded = filter.Round(D(quantity), mode);

        // assert
        Assert.Equal(D(expected), rounded);
    }

    [Theory]
    [InlineData("65000", TickRounding.Down, "65000.0")]
    [InlineData("100.05", TickRounding.Down, "100.0")]
    [InlineData("100.10", TickRounding.Up, "100.1")]
    public void Should_return_prices_in_the_scale_of_the_tick(string price, TickRounding mode, string expectedText)
    {
        // act
        var rounded = TestInstruments.BtcUsdt.RoundPrice(D(price), mode);

        // assert
        Assert.Equal(expectedText, rounded.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("BTCUSDT", OrderSide.Buy, "100.05", "100.0")]
    [InlineData("BTCUSDT", OrderSide.Sell, "100.05", "100.1")]
    [InlineData("BTCUSDT", OrderSide.Buy, "100.1", "100.1")]
    [InlineData("BTCUSDT", OrderSide.Sell, "100.1", "100.1")]
    [InlineData("SUIUSDT", OrderSide.Buy, "1.23456", "1.2345")]
    [InlineData("SUIUSDT", OrderSide.Sell, "1.23451", "1.2346")]
    [InlineData("SOLUSDT", OrderSide.Buy, "149.999", "149.99")]
    [InlineData("SOLUSDT", OrderSide.Sell, "149.991", "150.00")]
    public void Should_round_a_buy_price_down_and_a_sell_price_up(string symbol, OrderSide side, string price, string expected)
    {
        // arrange
        var instrument = TestInstruments.All.Single(i => i.Symbol.Value == symbol);

        // act
        var rounded = instrument.RoundPriceForSide(side, D(price));

        // assert
        Assert.Equal(D(expected), rounded);
    }

    [Theory]
    [InlineData(OrderType.Limit, "0.0567", "0.056")]
    [InlineData(OrderType.StopMarket, "0.0567", "0.056")]
    [InlineData(OrderType.Market, "0.0567", "0.05")]
    [InlineData(OrderType.Market, "0.0599", "0.05")]
    public void Should_round_a_quantity_down_on_the_lot_size_of_the_order_type(OrderType type, string quantity, string expected)
    {
        // arrange
        var instrument = TestInstruments.BtcUsdt with { MarketLotSize = new LotSizeFilter(0.01m, 120m, 0.01m) };

        // act
        var rounded = instrument.RoundQuantityDown(D(quantity), type);

        // assert
        Assert.Equal(D(expected), rounded);
        Assert.Equal(D(expected), instrument.RoundQuantity(D(quantity), TickRounding.Down, type));
    }

    [Theory]
    [InlineData("BTCUSDT", "65000", "0.001")]
    [InlineData("BTCUSDT", "1000", "0.005")]
    [InlineData("BTCUSDT", "3000", "0.002")]
    [InlineData("BTCUSDT", "3", "1.667")]
    [InlineData("ETHUSDT", "3200", "0.002")]
    [InlineData("SOLUSDT", "150", "0.04")]
    [InlineData("SOLUSDT", "7", "0.72")]
    [InlineData("SUIUSDT", "1.5", "3.4")]
    [InlineData("SUIUSDT", "0.0003", "16666.7")]
    public void Should_give_the_smallest_quantity_that_meets_min_notional(string symbol, string price, string expected)
    {
        // arrange
        var instrument = TestInstruments.All.Single(i => i.Symbol.Value == symbol);

        // act
        var quantity = instrument.MinQuantityForNotional(D(price));

        // assert
        Assert.Equal(D(expected), quantity);
        Assert.True(D(price) * quantity >= instrument.MinNotional.Notional);
        Assert.True(D(price) * (quantity - instrument.LotSize.StepSize) < instrument.MinNotional.Notional || quantity == instrument.LotSize.MinQty);
    }

    [Fact]
    public void Should_give_the_first_positive_step_when_min_qty_and_min_notional_are_zero()
    {
        // arrange
        var instrument = TestInstruments.BtcUsdt with
        {
            LotSize = new LotSizeFilter(0m, 1_000m, 0.5m),
            MinNotional = new MinNotionalFilter(0m),
        };

        // act + assert
        Assert.Equal(0.5m, instrument.MinQuantityForNotional(100m));
    }

    [Fact]
    public void Should_use_the_market_lot_size_for_the_smallest_market_quantity()
    {
        // arrange
        var instrument = TestInstruments.BtcUsdt with { MarketLotSize = new LotSizeFilter(0.01m, 120m, 0.01m) };

        // act + assert
        Assert.Equal(0.01m, instrument.MinQuantityForNotional(65_000m, OrderType.Market));
        Assert.Equal(0.002m, instrument.MinQuantityForNotional(3_000m, OrderType.Limit));
        Assert.Equal(0.01m, instrument.MinQuantityForNotional(3_000m, OrderType.Market));
    }

    [Fact]
    public void Should_reject_a_non_positive_price_for_the_smallest_quantity()
    {
        // act + assert
        Assert.Throws<ArgumentOutOfRangeException>(() => TestInstruments.BtcUsdt.MinQuantityForNotional(0m));
    }

    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
