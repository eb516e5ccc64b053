using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class RollingSumSpecs
{
    public static TheoryData<string> Files => RecordedKlines.Files;

    [Fact]
    public void Should_sum_and_average_the_last_values()
    {
        // arrange
        var sum = new RollingSum(3);
        var average = new SimpleMovingAverage(3);

        // act
        foreach (var value in new[] { 1d, 2, 3, 4, 5 })
        {
            sum.Update(value);
            average.Update(value);
        }

        // assert
        Assert.Equal(12, sum.Sum);
        Assert.Equal(4, average.Value);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_match_a_from_scratch_sum_at_every_bar_of_recorded_data(string file)
    {
        // arrange
        var closes = RecordedKlines.Closes(RecordedKlines.Load(file));
        foreach (var period in new[] { 1, 20, 240 })
        {
            var sum = new RollingSum(period);
            var average = new SimpleMovingAverage(period);

            for (var t = 0; t < closes.Length; t++)
            {
                // act
                sum.Update(closes[t]);
                average.Update(closes[t]);

                // assert
                if (t + 1 < period)
                {
                    continue;
                }

                Tolerance.AssertClose(Reference.Sum(closes, t, period), sum.Sum, t, $"sum({period})");
                Tolerance.AssertClose(Reference.Mean(closes, t, period), average.Value, t, $"SMA({period})");
            }
        }
    }

    [Fact]
    public void Should_forget_huge_values_as_soon_as_they_leave_the_window()
    {
        // arrange: a sliding sum that once held 1e15 would keep an error of about 0.1 against sums below 10.
        const int period = 10;
        var random = new Random(7);
        var values = new double[400];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = i % 97 == 0 ? 1e15 : random.NextDouble();
        }

        var sum = new RollingSum(period);

        for (var t = 0; t < values.Length; t++)
        {
            // act
            sum.Update(values[t]);

            // assert
            if (t + 1 >= period)
            {
                var expected = Reference.Sum(values, t, period);
                Assert.True(Math.Abs(sum.Sum - expected) <= 1e-15 * expected, $"bar {t}: {sum.Sum:R} vs {expected:R}"); // <--
            }
        }
    }

    [Fact]
    public void Should_sum_a_window_of_zeros_to_exactly_zero_after_movement()
    {
        // arrange
        var sum = new RollingSum(4);
        foreach (var value in new[] { 0.1, 0.7, 1e9, 0.3, 0.9 })
        {
            sum.Update(value);
        }

        // act
        for (var i = 0; i < 4; i++)
        {
            sum.Update(0d);
        }

        // assert
        Assert.Equal(0, sum.Sum);
    }

    [Fact]
    public void Should_reject_a_period_below_one_and_non_finite_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingSum(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingSum(3).Update(double.NaN));
    }
}
