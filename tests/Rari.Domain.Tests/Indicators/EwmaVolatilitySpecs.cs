using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class EwmaVolatilitySpecs
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public static TheoryData<string> Files => RecordedKlines.Files;

    [Fact]
    public void Should_seed_with_the_mean_squared_return_then_apply_the_riskmetrics_recursion()
    {
        // arrange
        var ewma = new EwmaVolatility(0.9, Minute, seedReturns: 2);
        var seed = ((Math.Log(1.1) * Math.Log(1.1)) + (Math.Log(0.9) * Math.Log(0.9))) / 2;

        // act + assert
        ewma.Update(100d);
        ewma.Update(110d);
        Assert.False(ewma.IsReady);
        ewma.Update(99d);
        Assert.True(ewma.IsReady);
        Assert.Equal(seed, ewma.Variance, 15);
        ewma.Update(99d);
        Assert.Equal(0.9 * seed, ewma.Variance, 15); // r = 0: the variance just decays by λ
        ewma.Update(108.9);
        Assert.Equal((0.9 * 0.9 * seed) + (0.1 * Math.Log(1.1) * Math.Log(1.1)), ewma.Variance, 15);
        Assert.Equal(Math.Sqrt(ewma.Variance), ewma.Value);
        Assert.Equal(ewma.Value * Math.Sqrt(525_600), ewma.Annualized);
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.70710678118654757)]
    public void Should_derive_lambda_from_a_half_life(double halfLife, double expectedLambda)
    {
        // act
        var ewma = EwmaVolatility.FromHalfLife(halfLife, Minute, 10);

        // assert
        Assert.Equal(expectedLambda, ewma.Lambda, 15);
    }

    [Fact]
    public void Should_halve_a_returns_weight_every_half_life()
    {
        // act
        var ewma = EwmaVolatility.FromHalfLife(30, Minute, 10);

        // assert
        Assert.Equal(0.5, Math.Pow(ewma.Lambda, 30), 14);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_match_a_from_scratch_recursion_at_every_bar_of_recorded_data(string file)
    {
        // arrange
        var bars = RecordedKlines.Load(file);
        var returns = Reference.LogReturns(RecordedKlines.Closes(bars));
        const double lambda = 0.97;
        const int seedReturns = 30;
        var ewma = new EwmaVolatility(lambda, Minute, seedReturns);
        var expected = new double[returns.Length];
        var seed = 0d;
        for (var t = 1; t <= seedReturns; t++)
        {
            seed += returns[t] * returns[t];
        }

        expected[seedReturns] = seed / seedReturns;
        for (var t = seedReturns + 1; t < returns.Length; t++)
        {
            expected[t] = (lambda * expected[t - 1]) + ((1 - lambda) * returns[t] * returns[t]);
        }

        for (var t = 0; t < bars.Length; t++)
        {
            // act
            ewma.Update(in bars[t]);

            // assert
            Assert.Equal(t >= seedReturns, ewma.IsReady);
            if (ewma.IsReady)
            {
                Tolerance.AssertClose(Math.Sqrt(expected[t]), ewma.Value, t, "EWMA σ");
                Tolerance.AssertClose(Math.Sqrt(expected[t] * 525_600), ewma.Annualized, t, "EWMA annual σ");
            }
        }
    }

    [Fact]
    public void Should_read_zero_for_flat_prices()
    {
        // arrange
        var ewma = new EwmaVolatility(0.94, Minute, 5);

        // act
        for (var i = 0; i < 50; i++)
        {
            ewma.Update(30_000.5m);
        }

        // assert
        Assert.Equal(0, ewma.Value);
        Assert.Equal(0, ewma.Annualized);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.5)]
    public void Should_reject_a_lambda_outside_zero_to_one(double lambda)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EwmaVolatility(lambda, Minute, 10));
    }

    [Fact]
    public void Should_reject_a_price_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EwmaVolatility(0.94, Minute, 10).Update(0d));
    }
}
