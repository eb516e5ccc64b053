using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class AverageTrueRangeSpecs
{
    public static TheoryData<string> Files => RecordedKlines.Files;

    [Fact]
    public void Should_seed_with_the_simple_average_then_apply_wilders_smoothing()
    {
        // arrange
        var atr = new AverageTrueRange(3);

        // act + assert
        atr.Update(12, 10, 11); // TR 2 (first bar: H − L)
        atr.Update(14, 11, 13); // TR 3
        Assert.False(atr.IsReady);
        atr.Update(17, 13, 16); // TR 4
        Assert.Equal(3, atr.Value); // (2 + 3 + 4) / 3
        atr.Update(16, 15, 15); // TR max(1, 0, 1) = 1
        Assert.Equal(7d / 3, atr.Value, 15); // (3 × 2 + 1) / 3
        atr.Update(30, 28, 29); // gap: TR = 30 − 15 = 15
        Assert.Equal(15, atr.LastTrueRange);
        Assert.Equal(59d / 9, atr.Value, 14); // (7/3 × 2 + 15) / 3
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_match_a_from_scratch_computation_at_every_bar_of_recorded_data(string file)
    {
        // arrange
        var bars = RecordedKlines.Load(file);
        const int period = 14;
        var trueRanges = new double[bars.Length];
        for (var t = 0; t < bars.Length; t++)
        {
            double high = (double)bars[t].High, low = (double)bars[t].Low;
            trueRanges[t] = t == 0
                ? high - low
                : Math.Max(high - low, Math.Max(Math.Abs(high - (double)bars[t - 1].Close), Math.Abs(low - (double)bars[t - 1].Close)));
        }

        var expected = new double[bars.Length];
        expected[period - 1] = Reference.Mean(trueRanges, period - 1, period);
        for (var t = period; t < bars.Length; t++)
        {
            expected[t] = ((expected[t - 1] * (period - 1)) + trueRanges[t]) / period;
        }

        var atr = new AverageTrueRange(period);
        for (var t = 0; t < bars.Length; t++)
        {
            // act
            atr.Update(in bars[t]);

            // assert
            Assert.Equal(trueRanges[t], atr.LastTrueRange);
            if (t >= period - 1)
            {
                Tolerance.AssertClose(expected[t], atr.Value, t, "ATR");
            }
        }
    }

    [Fact]
    public void Should_read_zero_for_flat_prices()
    {
        // arrange
        var atr = new AverageTrueRange(14);

        // act
        for (var i = 0; i < 20; i++)
        {
            atr.Update(100, 100, 100);
        }

        // assert
        Assert.Equal(0, atr.Value);
    }
}
