using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class ExponentialMovingAverageSpecs
{
    public static TheoryData<string> Files => RecordedKlines.Files;

    [Fact]
    public void Should_seed_with_the_simple_average_then_smooth_with_two_over_n_plus_one()
    {
        // arrange
        var ema = new ExponentialMovingAverage(3);

        // act + assert
        ema.Update(1d);
        ema.Update(2d);
        Assert.True(double.IsNaN(ema.Value));
        ema.Update(3d);
        Assert.Equal(2, ema.Value); // seed: (1 + 2 + 3) / 3
        ema.Update(4d);
        Assert.Equal(3, ema.Value); // α = 0.5: 2 + 0.5 × (4 − 2)
        ema.Update(7d);
        Assert.Equal(5, ema.Value);
        Assert.Equal(0.5, ema.Alpha);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_match_a_from_scratch_recursion_at_every_bar_of_recorded_data(string file)
    {
        // arrange
        var closes = RecordedKlines.Closes(RecordedKlines.Load(file));
        const int period = 50;
        var ema = new ExponentialMovingAverage(period);
        var expected = new double[closes.Length];
        expected[period - 1] = Reference.Mean(closes, period - 1, period);
        for (var t = period; t < closes.Length; t++)
        {
            expected[t] = expected[t - 1] + (2d / (period + 1) * (closes[t] - expected[t - 1]));
        }

        for (var t = 0; t < closes.Length; t++)
        {
            // act
            ema.Update(closes[t]);

            // assert
            if (t >= period - 1)
            {
                Tolerance.AssertClose(expected[t], ema.Value, t, "EMA");
            }
        }
    }
}
