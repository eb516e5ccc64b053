using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class RollingMinMaxSpecs
{
    public static TheoryData<string> Files => RecordedKlines.Files;

    [Fact]
    public void Should_track_the_extremes_of_the_last_values()
    {
        // arrange
        var extremes = new RollingMinMax(3);
        var maxima = new List<double>();
        var minima = new List<double>();

        // act
        foreach (var value in new[] { 3d, 1, 4, 1, 5, 9, 2, 6 })
        {
            extremes.Update(value);
            if (extremes.IsReady)
            {
                maxima.Add(extremes.Maximum);
                minima.Add(extremes.Minimum);
            }
        }

        // assert
        Assert.Equal(new[] { 4d, 4, 5, 9, 9, 9 }, maxima);
        Assert.Equal(new[] { 1d, 1, 1, 1, 2, 2 }, minima);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_equal_a_scan_of_highs_and_lows_at_every_bar_of_recorded_data(string file)
    {
        // arrange
        var bars = RecordedKlines.Load(file);
        foreach (var period in new[] { 1, 15, 240 })
        {
            var extremes = new RollingMinMax(period);

            for (var t = 0; t < bars.Length; t++)
            {
                // act
                extremes.Update(in bars[t]);

                // assert
                if (t + 1 < period)
                {
                    continue;
                }

                var high = double.MinValue;
                var low = double.MaxValue;
                for (var i = t - period + 1; i <= t; i++)
                {
                    high = Math.Max(high, (double)bars[i].High);
                    low = Math.Min(low, (double)bars[i].Low);
                }

                Assert.Equal(high, extremes.Maximum);
                Assert.Equal(low, extremes.Minimum);
            }
        }
    }

    [Fact]
    public void Should_equal_a_scan_for_many_generated_series_with_ties()
    {
        var random = new Random(1234);
        for (var run = 0; run < 300; run++)
        {
            // arrange
            var period = random.Next(1, 9);
            var values = new double[60];
            var extremes = new RollingMinMax(period);

            for (var t = 0; t < values.Length; t++)
            {
                // act
                values[t] = random.Next(0, 5);
                extremes.Update(values[t]);

                // assert
                if (t + 1 >= period)
                {
                    var high = double.MinValue;
                    var low = double.MaxValue;
                    for (var i = t - period + 1; i <= t; i++)
                    {
                        high = Math.Max(high, values[i]);
                        low = Math.Min(low, values[i]);
                    }

                    Assert.Equal(high, extremes.Maximum);
                    Assert.Equal(low, extremes.Minimum);
                }
            }
        }
    }
}
