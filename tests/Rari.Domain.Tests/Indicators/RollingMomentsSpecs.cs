using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class RollingMomentsSpecs
{
    public static TheoryData<string> Files => RecordedKlines.Files;

    [Fact]
    public void Should_give_the_textbook_mean_and_variances()
    {
        // arrange
        var moments = new RollingMoments(8);

        // act
        foreach (var value in new[] { 2d, 4, 4, 4, 5, 5, 7, 9 })
        {
            moments.Update(value);
        }

        // assert
        Assert.Equal(5, moments.Mean);
        Assert.Equal(4, moments.PopulationVariance, 14);
        Assert.Equal(2, moments.PopulationStandardDeviation, 14);
        Assert.Equal(32d / 7, moments.SampleVariance, 14);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_match_a_two_pass_computation_at_every_bar_of_recorded_prices(string file)
    {
        // arrange
        var closes = RecordedKlines.Closes(RecordedKlines.Load(file));
        foreach (var period in new[] { 2, 20, 240 })
        {
            var moments = new RollingMoments(period);

            for (var t = 0; t < closes.Length; t++)
            {
                // act
                moments.Update(closes[t]);

                // assert
                if (t + 1 < period)
                {
                    continue;
                }

                var squaredDeviations = Reference.SquaredDeviations(closes, t, period);
                Tolerance.AssertClose(Reference.Mean(closes, t, period), moments.Mean, t, $"mean({period})");
                Tolerance.AssertClose(squaredDeviations / period, moments.PopulationVariance, t, $"population variance({period})");
                Tolerance.AssertClose(squaredDeviations / (period - 1), moments.SampleVariance, t, $"sample variance({period})");
            }
        }
    }

    [Fact]
    public void Should_keep_full_precision_on_a_small_variance_at_a_high_price_level()
    {
        // arrange: Σx² − n·mean² would cancel ~14 of 16 digits here; Welford does not.
        var random = new Random(42);
        var values = new double[5_000];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = 1e7 + random.Next(-3, 4);
        }

        var moments = new RollingMoments(50);

        for (var t = 0; t < values.Length; t++)
        {
            // act
            moments.Update(values[t]);

            // assert
            if (t >= 49)
            {
                Tolerance.AssertClose(Reference.SquaredDeviations(values, t, 50) / 49, moments.SampleVariance, t, "variance");
            }
        }
    }

    [Fact]
    public void Should_keep_full_precision_when_a_spike_leaves_the_window()
    {
        // arrange: variance collapses by 1e20 when the spike leaves; a sliding update would keep ε × the old M2.
        const int period = 8;
        var random = new Random(99);
        var values = new double[500];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i % 61 == 0 ? 1e6 : 1 + (1e-4 * random.NextDouble());
        }

        var moments = new RollingMoments(period);

        for (var t = 0; t < values.Length; t++)
        {
            // act
            moments.Update(values[t]);

            // assert
            if (t + 1 >= period)
            {
                Tolerance.AssertClose(Reference.SquaredDeviations(values, t, period) / period, moments.PopulationVariance, t, "variance");
                Tolerance.AssertClose(Reference.Mean(values, t, period), moments.Mean, t, "mean");
            }
        }
    }

    [Fact]
    public void Should_report_zero_variance_and_the_exact_value_for_a_flat_window_after_movement()
    {
        // arrange
        var moments = new RollingMoments(5);
        foreach (var value in new[] { 29_996.9, 30_002.0, 29_991.3, 30_010.7, 29_999.9, 30_004.4 })
        {
            moments.Update(value);
        }

        // act
        for (var i = 0; i < 5; i++)
        {
            moments.Update(30_001.1);
        }

        // assert
        Assert.Equal(0, moments.SampleVariance); // <--
        Assert.Equal(30_001.1, moments.Mean);
    }

    [Fact]
    public void Should_reject_a_period_below_two_and_non_finite_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingMoments(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingMoments(3).Update(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingMoments(3).Update(double.PositiveInfinity));
    }
}
