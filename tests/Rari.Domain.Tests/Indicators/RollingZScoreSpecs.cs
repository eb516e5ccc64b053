using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class RollingZScoreSpecs
{
    public static TheoryData<string> Files => RecordedKlines.Files;

    [Fact]
    public void Should_measure_the_newest_value_in_population_standard_deviations()
    {
        // arrange
        var zScore = new RollingZScore(4);

        // act + assert
        foreach (var value in new[] { 1d, 3, 1, 3 })
        {
            zScore.Update(value);
        }

        Assert.Equal(1, zScore.Value); // mean 2, σ 1
        zScore.Update(5d);
        Assert.Equal(Math.Sqrt(2), zScore.Value, 15); // window 3 1 3 5: mean 3, σ² = 8 / 4
        Assert.Equal(3, zScore.Mean);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_match_a_two_pass_z_score_at_every_bar_of_recorded_data(string file)
    {
        // arrange
        var closes = RecordedKlines.Closes(RecordedKlines.Load(file));
        foreach (var period in new[] { 2, 20, 240 })
        {
            var zScore = new RollingZScore(period);

            for (var t = 0; t < closes.Length; t++)
            {
                // act
                zScore.Update(closes[t]);

                // assert
                if (t + 1 < period)
                {
                    continue;
                }

                var deviation = Math.Sqrt(Reference.SquaredDeviations(closes, t, period) / period);
                var expected = deviation > 0 ? (closes[t] - Reference.Mean(closes, t, period)) / deviation : 0;
                Tolerance.AssertClose(expected, zScore.Value, t, $"z({period})", scale: 1);
            }
        }
    }

    [Fact]
    public void Should_read_zero_when_the_window_is_flat()
    {
        // arrange
        var zScore = new RollingZScore(5);
        foreach (var value in new[] { 30_001.3, 29_998.1, 30_007.7 })
        {
            zScore.Update(value);
        }

        // act
        for (var i = 0; i < 5; i++)
        {
            zScore.Update(30_000.1m);
        }

        // assert
        Assert.Equal(0, zScore.StandardDeviation);
        Assert.Equal(0, zScore.Value);
    }
}
