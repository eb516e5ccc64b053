using System.Globalization;
using Rari.Aster.Models;
using Rari.Domain.Orders;

namespace Rari.Aster.Tests.Models;

public sealed class WireValueSpecs
{
    [Theory]
    [InlineData("PartiallyFilled", "PARTIALLY_FILLED")]
    [InlineData("Gtc", "GTC")]
    [InlineData("TrailingStopMarket", "TRAILING_STOP_MARKET")]
    [InlineData("New", "NEW")]
    public void Should_spell_members_the_venues_way(string member, string expected)
    {
        // act
        var wire = WireNames.ToScreamingSnake(member);

        // assert
        Assert.Equal(expected, wire);
    }

    [Fact]
    public void Should_parse_known_text_ignoring_case_and_aliases()
    {
        // act
        var crossed = WireValue.Parse<AsterMarginType>("cross");
        var isolated = WireValue.Parse<AsterMarginType>("isolated");
        var side = WireValue.Parse<OrderSide>("SELL");

        // assert
        Assert.True(crossed.Is(AsterMarginType.Crossed));
        Assert.True(isolated.Is(AsterMarginType.Isolated));
        Assert.Equal("isolated", isolated.Raw);
        Assert.True(side.Is(OrderSide.Sell));
        Assert.Equal("CROSSED", WireNames.Of(AsterMarginType.Crossed));
    }

    [Fact]
    public void Should_keep_unknown_text_instead_of_failing()
    {
        // act
        var value = WireValue.Parse<AsterOrderStatus>("PENDING_NEW");

        // assert
        Assert.False(value.IsKnown);
        Assert.Equal(AsterOrderStatus.Unknown, value.Value);
        Assert.Equal("PENDING_NEW", value.ToString());
        Assert.False(value.Is(AsterOrderStatus.Unknown));
    }

    [Theory]
    [InlineData("0.10", 1)]
    [InlineData("0.001", 3)]
    [InlineData("5", 0)]
    [InlineData("0.00010000", 4)]
    [InlineData("10.0", 0)]
    public void Should_count_the_significant_decimals_of_a_grid(string grid, int expected)
    {
        // act
        var scale = DecimalScale.Significant(decimal.Parse(grid, CultureInfo.InvariantCulture));

        // assert
        Assert.Equal(expected, scale);
    }

    [Theory]
    [InlineData("0.01", 3, "0.010")]
    [InlineData("65000.5", 1, "65000.5")]
    [InlineData("65000.50", 1, "65000.5")]
    [InlineData("7", 2, "7.00")]
    public void Should_write_a_value_with_the_grid_scale(string value, int scale, string expected)
    {
        // act
        var scaled = DecimalScale.WithScale(decimal.Parse(value, CultureInfo.InvariantCulture), scale);

        // assert
        Assert.Equal(expected, scaled.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Should_refuse_to_drop_decimals()
    {
        // act
        var error = Assert.Throws<ArgumentException>(() => DecimalScale.WithScale(0.0105m, 3));

        // assert
        Assert.StartsWith("0.0105 has more than 3 decimals.", error.Message, StringComparison.Ordinal);
    }
}
