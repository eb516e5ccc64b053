using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class BollingerBandsSpecs
{
    public static TheoryData<string> Files => RecordedKlines.Files;

    [Fact]
    public void Should_place_the_bands_k_population_deviations_around_the_mean()
    {
        // arrange
        var bands = new BollingerBands(4, 2);

        // act
        foreach (var value in new[] { 1d, 3, 1, 3 })
        {
            bands.Update(value);
        }

        // assert: mean 2, σ 1
        Assert.Equal(2, bands.Middle);
        Assert.Equal(4, bands.Upper);
        Assert.Equal(0, bands.Lower);
        Assert.Equal(0.75, bands.PercentB); // (3 − 0) / (4 − 0)
        Assert.Equal(2, bands.Bandwidth); // (4 − 0) / 2
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_match_two_pass_bands_at_every_bar_of_recorded_data(string file)
    {
        // arrange
        var bars = RecordedKlines.Load(file);
        var closes = RecordedKlines.Closes(bars);
        const int period = 20;
        const double width = 2.5;
        var bands = new BollingerBands(period, width);

        for (var t = 0; t < bars.Length; t++)
        {
            // act
            bands.Update(in bars[t]);

            // assert
            if (t + 1 < period)
            {
                continue;
            }

            var middle = Reference.Mean(closes, t, period);
            var deviation = Math.Sqrt(Reference.SquaredDeviations(closes, t, period) / period);
            var upper = middle + (width * deviation);
            var lower = middle - (width * deviation);
            var percentB = upper > lower ? (closes[t] - lower) / (upper - lower) : 0.5;
            Tolerance.AssertClose(middle, bands.Middle, t, "middle");
            Tolerance.AssertClose(upper, bands.Upper, t, "upper");
            Tolerance.AssertClose(lower, bands.Lower, t, "lower");
            Tolerance.AssertClose(percentB, bands.PercentB, t, "%B", scale: 1);
            Tolerance.AssertClose((upper - lower) / middle, bands.Bandwidth, t, "bandwidth");
        }
    }

    [Fact]
    public void Should_collapse_onto_a_flat_window_with_percent_b_one_half()
    {
        // arrange
        var bands = new BollingerBands(3, 2);

        // act
        for (var i = 0; i < 3; i++)
        {
            bands.Update(100m);
        }

        // assert
        Assert.Equal(100, bands.Upper);
        Assert.Equal(100, bands.Lower);
        Assert.Equal(0.5, bands.PercentB);
        Assert.Equal(0, bands.Bandwidth);
    }

    [Fact]
    public void Should_reject_a_width_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBands(20, 0));
    }
}
