using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class AnnualizationSpecs
{
    [Theory]
    [InlineData(1, 525_600)]
    [InlineData(5, 105_120)]
    [InlineData(60, 8_760)]
    [InlineData(1_440, 365)]
    public void Should_count_bars_in_a_365_day_year(int barMinutes, double expectedBars)
    {
        // act
        var bars = Annualization.BarsPerYear(TimeSpan.FromMinutes(barMinutes));

        // assert
        Assert.Equal(expectedBars, bars);
    }

    [Fact]
    public void Should_scale_by_the_square_root_of_the_bars_per_year()
    {
        Assert.Equal(Math.Sqrt(525_600), Annualization.Factor(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Should_reject_a_bar_length_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Annualization.BarsPerYear(TimeSpan.Zero));
    }
}
