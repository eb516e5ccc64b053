using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class EfficiencyRatioSpecs
{
    public static TheoryData<string> Files => RecordedKlines.Files;

    [Theory]
    [InlineData(new[] { 10d, 11, 10, 12 }, 0.5)] // net 2 over a path of 1 + 1 + 2
    [InlineData(new[] { 10d, 11, 12, 13 }, 1.0)] // a straight line
    [InlineData(new[] { 10d, 12, 10, 10 }, 0.0)] // back where it started
    [InlineData(new[] { 10d, 10, 10, 10 }, 0.0)] // nothing moved: 0, not 0 / 0
    public void Should_divide_the_net_change_by_the_path(double[] values, double expected)
    {
        // arrange
        var ratio = new EfficiencyRatio(3);

        // act
        foreach (var value in values)
        {
            ratio.Update(value);
        }

        // assert
        Assert.Equal(expected, ratio.Value);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_match_a_from_scratch_ratio_at_every_bar_of_recorded_data(string file)
    {
        // arrange
        var bars = RecordedKlines.Load(file);
        var closes = RecordedKlines.Closes(bars);
        foreach (var period in new[] { 1, 10, 120 })
        {
            var ratio = new EfficiencyRatio(period);

            for (var t = 0; t < bars.Length; t++)
            {
                // act
                ratio.Update(in bars[t]);

                // assert
                Assert.Equal(t >= period, ratio.IsReady);
                if (!ratio.IsReady)
                {
                    continue;
                }

                var path = 0d;
                for (var i = t - period + 1; i <= t; i++)
                {
                    path += Math.Abs(closes[i] - closes[i - 1]);
                }

                var net = Math.Abs(closes[t] - closes[t - period]);
                var expected = path > 0 ? Math.Min(1, net / path) : 0;
                Tolerance.AssertClose(expected, ratio.Value, t, $"ER({period})", scale: 1);
                Tolerance.AssertClose(path, ratio.Path, t, $"path({period})");
            }
        }
    }

    [Fact]
    public void Should_read_zero_for_a_flat_stretch_after_movement()
    {
        // arrange
        var bars = RecordedKlines.Load(RecordedKlines.EthSpotVolatile);
        var ratio = new EfficiencyRatio(10);
        for (var i = 0; i < 500; i++)
        {
            ratio.Update(in bars[i]);
        }

        // act
        for (var i = 0; i < 11; i++)
        {
            ratio.Update(3_100m);
        }

        // assert
        Assert.Equal(0, ratio.Path);
        Assert.Equal(0, ratio.Value);
    }
}
