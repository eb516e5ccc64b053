using Rari.Domain.Strategies.Sizing;

namespace Rari.Domain.Tests.Strategies.Sizing;

public sealed class KellySizerSpecs
{
    private static readonly KellySettings Settings = new() { Enabled = true, Fraction = 0.25m, MaxFraction = 0.5m, MinTrades = 10, DefaultFraction = 0.01m };

    private static TradeStatsTracker Stats(int wins, decimal averageWin, int losses, decimal averageLoss)
    {
        var stats = TradeStatsTracker.Empty;
        for (var i = 0; i < wins; i++)
        {
            stats = stats.Record(averageWin);
        }

        for (var i = 0; i < losses; i++)
        {
            stats = stats.Record(-averageLoss);
        }

        return stats;
    }

    [Theory]
    [InlineData("0.6", "2", "0.4")] // 0.6 − 0.4 / 2
    [InlineData("0.5", "1", "0")]
    [InlineData("0.4", "1", "-0.2")] // a negative edge
    [InlineData("0.55", "1.5", "0.25")] // 0.55 − 0.45 / 1.5
    [InlineData("1", "3", "1")]
    public void Should_compute_full_kelly_as_p_minus_q_over_b(string p, string b, string expected)
    {
        // act
        var fullKelly = KellySizer.FullKelly(decimal.Parse(p, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(b, System.Globalization.CultureInfo.InvariantCulture));

        // assert
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), fullKelly);
    }

    [Fact]
    public void Should_risk_a_quarter_of_full_kelly()
    {
        // arrange: 6 wins of 20 and 4 losses of 10, so p = 0.6, b = 2, f* = 0.4
        var stats = Stats(6, 20m, 4, 10m);

        // act
        var fraction = KellySizer.RiskFraction(Settings, stats);

        // assert
        Assert.Equal(0.1m, fraction); // 0.25 × 0.4 <--
    }

    [Fact]
    public void Should_cap_the_fraction_at_the_maximum()
    {
        // arrange
        var stats = Stats(6, 20m, 4, 10m);

        // act
        var fraction = KellySizer.RiskFraction(Settings with { MaxFraction = 0.05m }, stats);

        // assert
        Assert.Equal(0.05m, fraction);
    }

    [Fact]
    public void Should_floor_a_negative_edge_at_zero()
    {
        // arrange: p = 0.4, b = 1
        var stats = Stats(4, 10m, 6, 10m);

        // act
        var fraction = KellySizer.RiskFraction(Settings, stats);

        // assert
        Assert.Equal(0m, fraction);
    }

    [Fact]
    public void Should_use_the_default_fraction_until_the_minimum_number_of_trades_has_closed()
    {
        // arrange
        var nine = Stats(6, 20m, 3, 10m);
        var ten = nine.Record(-10m);

        // act
        var before = KellySizer.RiskFraction(Settings, nine);
        var after = KellySizer.RiskFraction(Settings, ten);

        // assert
        Assert.Equal(0.01m, before); // the default, whatever the 9 trades say <--
        Assert.Equal(0.1m, after);
    }

    [Fact]
    public void Should_allow_the_maximum_when_nothing_was_ever_lost()
    {
        // act
        var fraction = KellySizer.RiskFraction(Settings, Stats(10, 5m, 0, 0m));

        // assert
        Assert.Equal(0.25m, fraction); // f* tends to p = 1, times 0.25
    }

    [Fact]
    public void Should_allow_nothing_when_nothing_was_ever_won()
    {
        // act
        var fraction = KellySizer.RiskFraction(Settings, Stats(0, 0m, 10, 5m));

        // assert
        Assert.Equal(0m, fraction);
    }

    [Fact]
    public void Should_refuse_a_win_rate_outside_zero_to_one_and_a_payoff_that_is_not_positive()
    {
        // act and assert
        Assert.Throws<ArgumentOutOfRangeException>(() => KellySizer.FullKelly(1.1m, 1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => KellySizer.FullKelly(0.5m, 0m));
    }

    [Fact]
    public void Should_stay_within_zero_and_the_maximum_for_any_statistics()
    {
        // arrange
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var stats = Stats(random.Next(0, 40), random.Next(1, 1_000) / 10m, random.Next(0, 40), random.Next(1, 1_000) / 10m);

            // act
            var fraction = KellySizer.RiskFraction(Settings, stats);

            // assert
            Assert.InRange(fraction, 0m, Settings.MaxFraction);
        }
    }

    [Fact]
    public void Should_list_every_invalid_setting()
    {
        // arrange
        var settings = new KellySettings { Fraction = 0m, MaxFraction = 2m, MinTrades = 0, DefaultFraction = -0.1m };

        // act
        var errors = settings.Validate();

        // assert
        Assert.Equal(
            [
                "kelly.fraction = 0: must be in (0, 1].",
                "kelly.max-fraction = 2: must be in (0, 1].",
                "kelly.min-trades = 0: must be at least 1.",
                "kelly.default-fraction = -0.1: must be in [0, max-fraction = 2].",
            ],
            errors);
    }
}
