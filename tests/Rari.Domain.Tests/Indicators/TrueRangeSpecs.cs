using Rari.Domain.Indicators;
using Rari.Domain.Market;

namespace Rari.Domain.Tests.Indicators;

public sealed class TrueRangeSpecs
{
    [Theory]
    [InlineData(12, 10, 11, 2)] // inside the previous close: the bar's own range
    [InlineData(90, 85, 100, 15)] // gap down: from the previous close to the low
    [InlineData(130, 128, 100, 30)] // gap up: from the previous close to the high
    public void Should_extend_the_range_to_the_previous_close(double high, double low, double previousClose, double expected)
    {
        Assert.Equal(expected, TrueRange.Compute(high, low, previousClose));
    }

    [Fact]
    public void Should_use_the_high_low_range_on_the_first_bar()
    {
        // arrange
        var trueRange = new TrueRange();

        // act
        trueRange.Update(new Kline(0, 100m, 104m, 97m, 101m, 1m));

        // assert
        Assert.Equal(7, trueRange.Value);
    }

    [Fact]
    public void Should_reject_a_bar_whose_high_is_below_its_low()
    {
        Assert.Throws<ArgumentException>(() => new TrueRange().Update(99, 100, 99.5));
    }
}
