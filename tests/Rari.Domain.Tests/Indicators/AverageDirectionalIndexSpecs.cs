using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class AverageDirectionalIndexSpecs
{
    public static TheoryData<string> Files => RecordedKlines.Files;

    [Fact]
    public void Should_follow_wilders_worksheet_on_a_hand_computed_example()
    {
        // arrange
        var adx = new AverageDirectionalIndex(2);

        // act + assert
        adx.Update(10, 8, 9);
        adx.Update(12, 9, 11); // +DM 2, −DM 0, TR 3
        Assert.False(adx.IsDirectionalReady);
        adx.Update(13, 10, 12); // +DM 1, −DM 0, TR 3 → sums TR 6, +DM 3, −DM 0
        Assert.True(adx.IsDirectionalReady);
        Assert.False(adx.IsReady);
        Assert.Equal(50, adx.PlusDI);
        Assert.Equal(0, adx.MinusDI);
        Assert.Equal(100, adx.DX);

        adx.Update(12, 8, 9); // +DM 0, −DM 2, TR 4 → TR 6 − 3 + 4 = 7, +DM 1.5, −DM 2
        Assert.True(adx.IsReady);
        Assert.Equal(150d / 7, adx.PlusDI, 13);
        Assert.Equal(200d / 7, adx.MinusDI, 13);
        Assert.Equal(100d / 7, adx.DX, 13);
        Assert.Equal(400d / 7, adx.Value, 13); // (100 + 100/7) / 2

        adx.Update(11, 9, 10); // inside bar: no directional movement, TR 2 → TR 5.5, +DM 0.75, −DM 1
        Assert.Equal(75 / 5.5, adx.PlusDI, 13);
        Assert.Equal(100 / 5.5, adx.MinusDI, 13);
        Assert.Equal(100d / 7, adx.DX, 13);
        Assert.Equal(250d / 7, adx.Value, 13); // (400/7 + 100/7) / 2
    }

    [Fact]
    public void Should_count_an_outside_bar_with_equal_moves_as_no_direction()
    {
        // arrange
        var adx = new AverageDirectionalIndex(1);

        // act
        adx.Update(10, 8, 9);
        adx.Update(11, 7, 9); // up 1, down 1: neither dominates

        // assert
        Assert.Equal(0, adx.PlusDI);
        Assert.Equal(0, adx.MinusDI);
        Assert.Equal(0, adx.DX);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_match_a_from_scratch_computation_at_every_bar_of_recorded_data(string file)
    {
        // arrange
        var bars = RecordedKlines.Load(file);
        const int period = 14;
        var count = bars.Length;
        double[] trueRange = new double[count], plusMove = new double[count], minusMove = new double[count];
        for (var t = 1; t < count; t++)
        {
            double high = (double)bars[t].High, low = (double)bars[t].Low, previousClose = (double)bars[t - 1].Close;
            trueRange[t] = Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));
            var up = high - (double)bars[t - 1].High;
            var down = (double)bars[t - 1].Low - low;
            plusMove[t] = up > down && up > 0 ? up : 0;
            minusMove[t] = down > up && down > 0 ? down : 0;
        }

        double[] plusDi = new double[count], minusDi = new double[count], dx = new double[count], adxValues = new double[count];
        double smoothedTr = 0, smoothedPlus = 0, smoothedMinus = 0;
        for (var t = 1; t < count; t++)
        {
            if (t <= period)
            {
                smoothedTr += trueRange[t];
                smoothedPlus += plusMove[t];
                smoothedMinus += minusMove[t];
            }
            else
            {
                smoothedTr = smoothedTr - (smoothedTr / period) + trueRange[t];
                smoothedPlus = smoothedPlus - (smoothedPlus / period) + plusMove[t];
                smoothedMinus = smoothedMinus - (smoothedMinus / period) + minusMove[t];
            }

            if (t >= period)
            {
                plusDi[t] = smoothedTr > 0 ? 100 * smoothedPlus / smoothedTr : 0;
                minusDi[t] = smoothedTr > 0 ? 100 * smoothedMinus / smoothedTr : 0;
                dx[t] = plusDi[t] + minusDi[t] > 0 ? 100 * Math.Abs(plusDi[t] - minusDi[t]) / (plusDi[t] + minusDi[t]) : 0;
            }
        }

        var firstAdx = (2 * period) - 1;
        adxValues[firstAdx] = Reference.Mean(dx, firstAdx, period);
        for (var t = firstAdx + 1; t < count; t++)
        {
            adxValues[t] = ((adxValues[t - 1] * (period - 1)) + dx[t]) / period;
        }

        var adx = new AverageDirectionalIndex(period);
        for (var t = 0; t < count; t++)
        {
            // act
            adx.Update(in bars[t]);

            // assert
            Assert.Equal(t >= period, adx.IsDirectionalReady);
            Assert.Equal(t >= firstAdx, adx.IsReady);
            if (adx.IsDirectionalReady)
            {
                Tolerance.AssertClose(plusDi[t], adx.PlusDI, t, "+DI", scale: 1);
                Tolerance.AssertClose(minusDi[t], adx.MinusDI, t, "−DI", scale: 1);
                Tolerance.AssertClose(dx[t], adx.DX, t, "DX", scale: 1);
            }

            if (adx.IsReady)
            {
                Tolerance.AssertClose(adxValues[t], adx.Value, t, "ADX", scale: 1);
            }
        }
    }

    [Fact]
    public void Should_read_zero_for_flat_bars()
    {
        // arrange
        var adx = new AverageDirectionalIndex(5);

        // act
        for (var i = 0; i < 20; i++)
        {
            adx.Update(100, 100, 100);
        }

        // assert
        Assert.Equal(0, adx.PlusDI);
        Assert.Equal(0, adx.MinusDI);
        Assert.Equal(0, adx.Value);
    }
}
