using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class ParkinsonVolatilitySpecs
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly double Ln2 = Math.Log(2);

    public static TheoryData<string> Files => RecordedKlines.Files;

    [Fact]
    public void Should_give_parkinsons_value_for_bars_that_double_from_low_to_high()
    {
        // arrange: ln(H/L) = ln 2 on each bar → σ² = ln²2 / (4 ln 2) = ln 2 / 4
        var parkinson = new ParkinsonVolatility(2, Minute);

        // act
        parkinson.Update(200, 100);
        parkinson.Update(50, 25);

        // assert
        Assert.Equal(Math.Sqrt(Ln2) / 2, parkinson.Value, 15);
        Assert.Equal(parkinson.Value * Math.Sqrt(525_600), parkinson.Annualized);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_match_a_from_scratch_estimate_at_every_bar_of_recorded_data(string file)
    {
        // arrange
        var bars = RecordedKlines.Load(file);
        var terms = new double[bars.Length];
        for (var t = 0; t < bars.Length; t++)
        {
            var logRange = Math.Log((double)bars[t].High / (double)bars[t].Low);
            terms[t] = logRange * logRange;
        }

        foreach (var period in new[] { 1, 30, 1_440 })
        {
            var parkinson = new ParkinsonVolatility(period, Minute);

            for (var t = 0; t < bars.Length; t++)
            {
                // act
                parkinson.Update(in bars[t]);

                // assert
                if (t + 1 >= period)
                {
                    var variance = Reference.Sum(terms, t, period) / (4 * Ln2 * period);
                    Tolerance.AssertClose(Math.Sqrt(variance), parkinson.Value, t, $"σ({period})");
                    Tolerance.AssertClose(Math.Sqrt(variance * 525_600), parkinson.Annualized, t, $"annual σ({period})");
                }
            }
        }
    }

    [Fact]
    public void Should_read_zero_for_flat_bars_even_after_a_volatile_stretch()
    {
        // arrange
        var bars = RecordedKlines.Load(RecordedKlines.EthSpotVolatile);
        var parkinson = new ParkinsonVolatility(30, Minute);
        for (var i = 0; i < 1_000; i++)
        {
            parkinson.Update(in bars[i]);
        }

        // act
        for (var i = 0; i < 30; i++)
        {
            parkinson.Update(3_000, 3_000);
        }

        // assert
        Assert.Equal(0, parkinson.Value);
    }
}
