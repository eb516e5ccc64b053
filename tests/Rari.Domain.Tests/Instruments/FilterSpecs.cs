using Rari.Domain.Instruments;

namespace Rari.Domain.Tests.Instruments;

public sealed class FilterSpecs
{
    [Theory]
    [InlineData("-0.1", "0", "0.1", "minPrice")]
    [InlineData("0", "-1", "0.1", "maxPrice")]
    [InlineData("10", "5", "0.1", "maxPrice")]
    [InlineData("0", "0", "0", "tickSize")]
    [InlineData("0", "0", "-0.1", "tickSize")]
    public void Should_reject_an_inconsistent_price_filter(string min, string max, string tick, string field)
    {
        // act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PriceFilter(D(min), D(max), D(tick)));

        // assert
        Assert.Equal(field, error.ParamName);
        Assert.Contains("PRICE_FILTER " + field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_accept_a_price_filter_with_both_bounds_disabled()
    {
        // act
        var filter = new PriceFilter(0m, 0m, 0.5m);

        // assert
        Assert.Equal(0m, filter.MinPrice);
        Assert.Equal(0m, filter.MaxPrice);
        Assert.Equal(0.5m, filter.TickSize);
    }

    [Theory]
    [InlineData("-1", "10", "0.1", "minQty")]
    [InlineData("0", "0", "0.1", "maxQty")]
    [InlineData("5", "1", "0.1", "maxQty")]
    [InlineData("0.1", "10", "0", "stepSize")]
    public void Should_reject_an_inconsistent_lot_size_filter(string min, string max, string step, string field)
    {
        // act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LotSizeFilter(D(min), D(max), D(step)));

        // assert
        Assert.Equal(field, error.ParamName);
        Assert.Contains("LOT_SIZE " + field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_reject_a_negative_min_notional()
    {
        // act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MinNotionalFilter(-1m));

        // assert
        Assert.Equal("notional", error.ParamName);
    }

    [Theory]
    [InlineData("0.99", "0.95", 4, "multiplierUp")]
    [InlineData("1.05", "1.01", 4, "multiplierDown")]
    [InlineData("1.05", "-0.1", 4, "multiplierDown")]
    [InlineData("1.05", "0.95", -1, "multiplierDecimal")]
    public void Should_reject_a_percent_price_band_that_excludes_the_mark(string up, string down, int decimals, string field)
    {
        // act
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PercentPriceFilter(D(up), D(down), decimals));

        // assert
        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void Should_compute_the_percent_price_band_around_the_mark()
    {
        // arrange
        var band = new PercentPriceFilter(1.05m, 0.95m, 4);

        // act + assert
        Assert.Equal(63_000.315m, band.HighestBuyPrice(60_000.3m));
        Assert.Equal(57_000.285m, band.LowestSellPrice(60_000.3m));
    }

    [Fact]
    public void Should_compare_filters_by_value()
    {
        // act + assert
        Assert.Equal(new PriceFilter(0.1m, 100m, 0.1m), new PriceFilter(0.10m, 100.0m, 0.10m));
        Assert.NotEqual(new LotSizeFilter(0.001m, 10m, 0.001m), new LotSizeFilter(0.001m, 10m, 0.01m));
    }

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
