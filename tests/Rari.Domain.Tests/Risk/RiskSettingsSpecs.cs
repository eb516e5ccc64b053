using Rari.Domain.Risk;

namespace Rari.Domain.Tests.Risk;

public sealed class RiskSettingsSpecs
{
    [Fact]
    public void Should_default_to_the_original_tools_three_limits()
    {
        // act
        var settings = RiskSettings.Default;

        // assert
        Assert.Equal((0.10m, 0.05m, 0.15m), (settings.MaxPortfolioRisk, settings.MaxPositionRisk, settings.MaxDailyLoss));
        Assert.Empty(settings.Problems());
        Assert.Same(settings, settings.Validated());
    }

    [Fact]
    public void Should_name_every_bad_value_with_its_rule()
    {
        // arrange
        var settings = RiskSettings.Default with
        {
            MaxPortfolioRisk = 0m,
            MaxDailyLoss = 1m,
            MarketableLimitBand = 0.5m,
            MaxDrawdown = -0.1m,
            CircuitBreakerCooldownMs = 0,
        };

        // act
        var problems = settings.Problems();
        var error = Record.Exception(() => settings.Validated());

        // assert
        Assert.Equal(
            [
                "MaxPortfolioRisk = 0: a fraction above 0 and at most 1",
                "MaxDailyLoss = 1: a fraction above 0 and below 1",
                "MarketableLimitBand = 0.5: a fraction from 0 up to LimitPriceBand",
                "MaxDrawdown = -0.1: a fraction above 0 and below 1, or null for none",
                "CircuitBreakerCooldownMs = 0: a positive number of milliseconds",
            ],
            problems);
        Assert.IsType<ArgumentException>(error);
        Assert.Contains("MaxDailyLoss = 1", error.Message, StringComparison.Ordinal);
    }
}
