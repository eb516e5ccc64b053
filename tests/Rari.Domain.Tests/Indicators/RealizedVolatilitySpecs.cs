using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class RealizedVolatilitySpecs
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public static TheoryData<string> Files => RecordedKlines.Files;

    [Fact]
    public void Should_take_the_sample_standard_deviation_of_log_returns()
    {
        // arrange: returns +ln 1.1, −ln 1.1 → mean 0, sample variance 2·ln²1.1 / (2 − 1)
        var volatility = new RealizedVolatility(2, Minute);

        // act
        volatility.Update(100m);
        volatility.Update(110m);
        volatility.Update(100m);

        // assert
        Assert.Equal(Math.Sqrt(2) * Math.Log(1.1), volatility.Value, 15);
        Assert.Equal(volatility.Value * Math.Sqrt(525_600), volatility.Annualized);
        Assert.Equal(0, volatility.MeanReturn, 15);
    }

    [Fact]
    public void Should_annualise_with_the_bar_length()
    {
        // arrange
        var hourly = new RealizedVolatility(2, TimeSpan.FromHours(1));

        // act
        hourly.Update(100d);
        hourly.Update(101d);
        hourly.Update(100d);

        // assert
        Assert.Equal(hourly.Value * Math.Sqrt(8_760), hourly.Annualized);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_match_a_two_pass_sample_deviation_at_every_bar_of_recorded_data(string file)
    {
        // arrange
        var bars = RecordedKlines.Load(file);
        var returns = Reference.LogReturns(RecordedKlines.Closes(bars));
        foreach (var period in new[] { 2, 30, 1_440 })
        {
            var volatility = new RealizedVolatility(period, Minute);

            for (var t = 0; t < bars.Length; t++)
            {
                // act
                volatility.Update(in bars[t]);

                // assert
                Assert.Equal(t >= period, volatility.IsReady);
                if (volatility.IsReady)
                {
                    var expected = Math.Sqrt(Reference.SquaredDeviations(returns, t, period) / (period - 1));
                    Tolerance.AssertClose(expected, volatility.Value, t, $"σ({period})");
                    Tolerance.AssertClose(expected * Math.Sqrt(525_600), volatility.Annualized, t, $"annual σ({period})");
                }
            }
        }
    }

    [Fact]
    public void Should_read_zero_for_flat_prices_even_after_a_volatile_stretch()
    {
        // arrange
        var bars = RecordedKlines.Load(RecordedKlines.EthSpotVolatile);
        var volatility = new RealizedVolatility(30, Minute);
        for (var i = 0; i < 1_000; i++)
        {
            volatility.Update(in bars[i]);
        }

        // act
        for (var i = 0; i < 31; i++)
        {
            volatility.Update(3_000m);
        }

        // assert
        Assert.Equal(0, volatility.Value); // <--
    }
}
