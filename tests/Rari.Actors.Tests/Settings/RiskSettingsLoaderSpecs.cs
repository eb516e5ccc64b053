using System.Reflection;
using Rari.Actors.Settings;
using Rari.Domain.Risk;

namespace Rari.Actors.Tests.Settings;

/// <summary>rari.risk: every field of the Domain's RiskSettings has a documented key whose default is the code's.</summary>
public sealed class RiskSettingsLoaderSpecs
{
    private static readonly PropertyInfo[] Fields = typeof(RiskSettings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite)
        .ToArray();

    [Fact]
    public void Should_hold_exactly_the_domain_defaults_in_the_reference_file()
    {
        // act
        var settings = RiskSettingsLoader.Create(HoconFiles.Reference.GetConfig(RiskSettingsLoader.Path));

        // assert: the record compares by value, field by field
        Assert.Equal(RiskSettings.Default, settings);
        Assert.Equal(RiskSettings.Default, RariSettingsLoader.Create(HoconFiles.Reference).Risk.Settings);
    }

    [Fact]
    public void Should_have_a_key_in_the_reference_file_for_every_field()
    {
        // act
        var missing = Fields
            .Select(p => $"{RiskSettingsLoader.Path}.{RiskSettingsLoader.KeyOf(p.Name)}")
            .Where(path => !HoconFiles.Reference.HasPath(path))
            .ToList();

        // assert
        Assert.Equal(23, Fields.Length);
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_read_every_key()
    {
        // arrange: every key away from its default
        var config = HoconFiles.With(
            "risk.max-portfolio-risk=0.02",
            "risk.max-position-risk=0.03",
            "risk.max-daily-loss=0.04",
            "risk.max-symbol-notional=5000",
            "risk.max-total-notional=20000",
            "risk.max-gross-leverage=3",
            "risk.target-volatility=0.5",
            "risk.correlation-threshold=0.9",
            "risk.depth-band=0.01",
            "risk.max-depth-share=0.1",
            "risk.max-slippage=0.002",
            "risk.limit-price-band=0.1",
            "risk.marketable-limit-band=0.005",
            "risk.order-rate-budget-share=0.5",
            "risk.liquidation-buffer-atr=4",
            "risk.min-liquidation-distance=0.02",
            "risk.daily-loss-resets-at-new-day=off",
            "risk.flatten-on-loss-halt=false",
            "risk.max-drawdown=0.25",
            "risk.peak-journal-step=0",
            "risk.circuit-breaker-sigma=null",
            "risk.circuit-breaker-move=0.1",
            "risk.circuit-breaker-cooldown=30m");

        // act
        var settings = RariSettingsLoader.Create(config).Risk.Settings;

        // assert
        var expected = new RiskSettings
        {
            MaxPortfolioRisk = 0.02m,
            MaxPositionRisk = 0.03m,
            MaxDailyLoss = 0.04m,
            MaxSymbolNotional = 5000m,
            MaxTotalNotional = 20000m,
            MaxGrossLeverage = 3m,
            TargetVolatility = 0.5m,
            CorrelationThreshold = 0.9m,
            DepthBand = 0.01m,
            MaxDepthShare = 0.1m,
            MaxSlippage = 0.002m,
            LimitPriceBand = 0.1m,
            MarketableLimitBand = 0.005m,
            OrderRateBudgetShare = 0.5m,
            LiquidationBufferAtr = 4m,
            MinLiquidationDistance = 0.02m,
            DailyLossResetsAtNewDay = false,
            FlattenOnLossHalt = false,
            MaxDrawdown = 0.25m,
            PeakJournalStep = 0m,
            CircuitBreakerSigma = null,
            CircuitBreakerMove = 0.1m,
            CircuitBreakerCooldownMs = 1_800_000,
        };
        Assert.Equal(expected, settings);
        Assert.All(Fields, p => Assert.NotEqual(p.GetValue(RiskSettings.Default), p.GetValue(settings))); // <-- no key is ignored
    }

    [Fact]
    public void Should_report_one_problem_per_bad_key_with_its_value_and_why()
    {
        // arrange: a range error, a parse error, a typo, a duration, and a rule between two keys
        var config = HoconFiles.With(
            "risk.max-slippage=2",
            "risk.max-drawdown=deep",
            "risk.target-volatilty=0.5",
            "risk.circuit-breaker-cooldown=0",
            "risk.marketable-limit-band=0.3");

        // act
        var problems = HoconFiles.Problems(config);

        // assert
        Assert.Equal(
        [
            "rari.risk.max-drawdown = deep: must be a decimal number such as 0.02, or null to disable",
            "rari.risk.target-volatilty: unknown key; did you mean 'target-volatility'?",
            "rari.risk.circuit-breaker-cooldown = 0: must be a positive duration such as 15m",
            "rari.risk.max-slippage = 2: a fraction above 0 and below 1",
            "rari.risk.marketable-limit-band = 0.3: a fraction from 0 up to LimitPriceBand",
        ],
        problems);
    }

    [Fact]
    public void Should_keep_the_headline_limits_in_their_established_words_and_blame_a_key_once()
    {
        // arrange: 1.5 breaks both the headline check and the Domain's; 1 only the Domain's (a daily loss of 100 % is no limit)
        var config = HoconFiles.With("risk.max-daily-loss=1.5", "risk.max-portfolio-risk=1.5");
        var atOne = HoconFiles.With("risk.max-daily-loss=1");

        // act
        var problems = HoconFiles.Problems(config);
        var atOneProblems = HoconFiles.Problems(atOne);

        // assert
        Assert.Equal(
        [
            "rari.risk.max-portfolio-risk = 1.5: must be a share of equity in (0, 1]",
            "rari.risk.max-daily-loss = 1.5: must be a share of equity in (0, 1]",
        ],
        problems);
        Assert.Equal(["rari.risk.max-daily-loss = 1: a fraction above 0 and below 1"], atOneProblems);
    }

    [Fact]
    public void Should_give_the_backtester_the_same_limits_as_the_gate()
    {
        // act
        var limits = RariSettingsLoader.Create(HoconFiles.With("risk.max-position-risk=0.02")).Risk;
        var set = RiskLimits.Default with { MaxDailyLoss = 0.07m };

        // assert: the three limits are views of the settings, never copies
        Assert.Equal(0.02m, limits.MaxPositionRisk);
        Assert.Equal(0.02m, limits.Settings.MaxPositionRisk);
        Assert.Equal(0.07m, set.Settings.MaxDailyLoss);
        Assert.Equal(RiskSettings.Default with { MaxDailyLoss = 0.07m }, set.Settings);
        Assert.NotEqual(RiskLimits.Default, set);
    }
}
