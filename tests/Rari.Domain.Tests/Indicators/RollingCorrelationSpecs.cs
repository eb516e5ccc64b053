using Rari.Domain.Indicators;
using Rari.Domain.Market;

namespace Rari.Domain.Tests.Indicators;

public sealed class RollingCorrelationSpecs
{
    [Theory]
    [InlineData(new[] { 1d, 2, 3, 4 }, new[] { 1d, 3, 2, 4 }, 0.8)] // co-moment 4, both M2 5
    [InlineData(new[] { 1d, 2, 3, 4 }, new[] { 2d, 4, 6, 8 }, 1.0)]
    [InlineData(new[] { 1d, 2, 3, 4 }, new[] { 8d, 6, 4, 2 }, -1.0)]
    public void Should_give_pearsons_r_on_hand_computed_examples(double[] xs, double[] ys, double expected)
    {
        // arrange
        var correlation = new RollingCorrelation(4);

        // act
        for (var i = 0; i < xs.Length; i++)
        {
            correlation.Update(xs[i], ys[i]);
        }

        // assert
        Assert.Equal(expected, correlation.Value, 15);
    }

    [Fact]
    public void Should_be_undefined_while_either_series_is_constant()
    {
        // arrange
        var correlation = new RollingCorrelation(3);
        correlation.Update(1d, 5d);
        correlation.Update(2d, 7d);

        // act
        for (var i = 0; i < 3; i++)
        {
            correlation.Update(2d + i, 4d);
        }

        // assert
        Assert.True(correlation.IsReady);
        Assert.False(correlation.IsDefined);
        Assert.True(double.IsNaN(correlation.Value)); // <-- NaN, not a claim of independence
    }

    [Fact]
    public void Should_match_a_two_pass_correlation_of_btc_and_eth_returns_minute_by_minute()
    {
        // arrange: the two perpetuals joined on open time
        var btc = RecordedKlines.Load(RecordedKlines.BtcUsdm);
        var eth = RecordedKlines.Load(RecordedKlines.EthUsdm);
        var ethByTime = new Dictionary<long, Kline>();
        foreach (var bar in eth)
        {
            ethByTime[bar.OpenTimeMs] = bar;
        }

        var xs = new List<double>();
        var ys = new List<double>();
        for (var t = 1; t < btc.Length; t++)
        {
            if (ethByTime.TryGetValue(btc[t].OpenTimeMs, out var now) &&
                ethByTime.TryGetValue(btc[t - 1].OpenTimeMs, out var before))
            {
                xs.Add(Math.Log((double)btc[t].Close / (double)btc[t - 1].Close));
                ys.Add(Math.Log((double)now.Close / (double)before.Close));
            }
        }

        Assert.True(xs.Count > 20_000);

        // act + assert
        AssertMatchesReference(xs.ToArray(), ys.ToArray(), 60);
    }

    [Fact]
    public void Should_match_a_two_pass_correlation_of_returns_and_volume_in_a_volatile_month()
    {
        // arrange
        var bars = RecordedKlines.Load(RecordedKlines.EthSpotVolatile);
        var returns = Reference.LogReturns(RecordedKlines.Closes(bars));
        var xs = new double[bars.Length - 1];
        var ys = new double[bars.Length - 1];
        for (var t = 1; t < bars.Length; t++)
        {
            xs[t - 1] = Math.Abs(returns[t]);
            ys[t - 1] = (double)bars[t].Volume;
        }

        // act + assert
        AssertMatchesReference(xs, ys, 10);
        AssertMatchesReference(xs, ys, 240);
    }

    private static void AssertMatchesReference(double[] xs, double[] ys, int period)
    {
        var correlation = new RollingCorrelation(period);
        for (var t = 0; t < xs.Length; t++)
        {
            correlation.Update(xs[t], ys[t]);
            if (t + 1 < period)
            {
                continue;
            }

            double meanX = Reference.Mean(xs, t, period), meanY = Reference.Mean(ys, t, period);
            double sxx = 0, syy = 0, sxy = 0;
            for (var i = t - period + 1; i <= t; i++)
            {
                sxx += (xs[i] - meanX) * (xs[i] - meanX);
                syy += (ys[i] - meanY) * (ys[i] - meanY);
                sxy += (xs[i] - meanX) * (ys[i] - meanY);
            }

            var undefined = Reference.IsConstant(xs, t, period) || Reference.IsConstant(ys, t, period);
            var expected = undefined ? double.NaN : Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
            Assert.Equal(undefined, !correlation.IsDefined);
            Tolerance.AssertClose(expected, correlation.Value, t, $"r({period})", scale: 1);
        }
    }
}
