using Rari.Domain.Indicators;
using Rari.Domain.Market;

namespace Rari.Domain.Tests.Indicators;

public sealed class GarmanKlassVolatilitySpecs
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly double Ln2 = Math.Log(2);

    public static TheoryData<string> Files => RecordedKlines.Files;

    [Fact]
    public void Should_give_garman_klass_value_for_a_bar_closing_at_its_high()
    {
        // arrange: O = L = 100, H = C = 200 → σ² = ½ ln²2 − (2 ln 2 − 1) ln²2
        var garmanKlass = new GarmanKlassVolatility(1, Minute);

        // act
        garmanKlass.Update(new Kline(0, 100m, 200m, 100m, 200m, 1m));

        // assert
        Assert.Equal(Math.Sqrt(Ln2 * Ln2 * (1.5 - (2 * Ln2))), garmanKlass.Value, 15);
        Assert.Equal(garmanKlass.Value * Math.Sqrt(525_600), garmanKlass.Annualized);
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
            var logBody = Math.Log((double)bars[t].Close / (double)bars[t].Open);
            terms[t] = (0.5 * logRange * logRange) - (((2 * Ln2) - 1) * logBody * logBody);
        }

        foreach (var period in new[] { 1, 30, 1_440 })
        {
            var garmanKlass = new GarmanKlassVolatility(period, Minute);

            for (var t = 0; t < bars.Length; t++)
            {
                // act
                garmanKlass.Update(in bars[t]);

                // assert
                if (t + 1 >= period)
                {
                    var variance = Math.Max(0, Reference.Sum(terms, t, period) / period);
                    Tolerance.AssertClose(Math.Sqrt(variance), garmanKlass.Value, t, $"σ({period})");
                    Tolerance.AssertClose(Math.Sqrt(variance * 525_600), garmanKlass.Annualized, t, $"annual σ({period})");
                }
            }
        }
    }

    [Fact]
    public void Should_read_zero_for_flat_bars_even_after_a_volatile_stretch()
    {
        // arrange
        var bars = RecordedKlines.Load(RecordedKlines.EthSpotVolatile);
        var garmanKlass = new GarmanKlassVolatility(30, Minute);
        for (var i = 0; i < 1_000; i++)
        {
            garmanKlass.Update(in bars[i]);
        }

        // act
        var flat = new Kline(0, 3_000m, 3_000m, 3_000m, 3_000m, 0m);
        for (var i = 0; i < 30; i++)
        {
            garmanKlass.Update(in flat);
        }

        // assert
        Assert.Equal(0, garmanKlass.Value);
    }

    [Fact]
    public void Should_floor_a_negative_mean_at_zero()
    {
        // arrange: a malformed bar whose close lies outside its range makes the single term negative
        var garmanKlass = new GarmanKlassVolatility(1, Minute);

        // act
        garmanKlass.Update(open: 100, high: 101, low: 100, close: 150);

        // assert
        Assert.Equal(0, garmanKlass.Variance);
    }
}
