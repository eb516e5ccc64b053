using Rari.Actors.Settings;
using Rari.Backtest;
using Rari.Domain.Risk;
using Rari.Node.Configuration;
using Rari.Venue.Matching;

namespace Rari.Node.Tests.Configuration;

public sealed class BacktestSettingsLoaderSpecs
{
    private static readonly Akka.Configuration.Config Reference = RariConfig.Load(ConfigFiles.ReferencePath());

    [Fact]
    public void Should_find_the_reference_file_next_to_the_executable()
    {
        // act
        var path = ConfigFiles.ReferencePath();

        // assert
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "hocon", "rari.conf"), path);
    }

    [Fact]
    public void Should_hold_exactly_the_code_defaults_in_the_reference_file()
    {
        // act
        var configuration = BacktestConfiguration.Create(Reference);

        // assert
        Assert.Equal(BacktestSettings.Default, configuration.Backtest);
        Assert.Equal(RariSettings.Default.Grid, configuration.Rari.Grid);
    }

    [Fact]
    public void Should_list_every_key_the_backtest_loader_reads()
    {
        // arrange
        var reader = new ConfigReader(Akka.Configuration.ConfigurationFactory.Empty, BacktestSettingsLoader.Path);
        BacktestSettingsLoader.Read(reader, RiskLimits.Default);

        // act
        var missing = reader.ValuePaths.Where(path => !Reference.HasPath(path)).ToList();

        // assert
        Assert.Equal(14, reader.ValuePaths.Count);
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_read_overrides_and_take_the_risk_limits_from_rari_risk()
    {
        // arrange
        var config = RariConfig.Compose(Reference, null, [
            ConfigOverride.Parse("backtest.initial-balance=2500"),
            ConfigOverride.Parse("backtest.fill-model=touch"),
            ConfigOverride.Parse("backtest.maker-volume-share=null"),
            ConfigOverride.Parse("backtest.funding-interval=4h"),
            ConfigOverride.Parse("backtest.equity-sample-interval=1m"),
            ConfigOverride.Parse("risk.max-daily-loss=0.05"),
            ConfigOverride.Parse("risk.circuit-breaker-move=0.02"),
        ]);

        // act
        var settings = BacktestConfiguration.Create(config).Backtest;

        // assert
        Assert.Equal(
            BacktestSettings.Default with
            {
                InitialBalance = 2_500m,
                FillModel = FillModel.Touch,
                MakerVolumeShare = null,
                FundingIntervalHours = 4,
                EquitySampleMs = 60_000,
                Risk = RiskSettings.Default with { MaxDailyLoss = 0.05m, CircuitBreakerMove = 0.02m },
            },
            settings);
    }

    [Fact]
    public void Should_report_bad_backtest_and_strategy_keys_together()
    {
        // arrange
        var config = RariConfig.Compose(Reference, null, [
            ConfigOverride.Parse("backtest.initial-balance=-1"),
            ConfigOverride.Parse("backtest.funding-interval=90m"),
            ConfigOverride.Parse("backtest.fill-model=magic"),
            ConfigOverride.Parse("backtest.warmup-bars=10"),
            ConfigOverride.Parse("grid.levels=0"),
        ]);

        // act
        var error = Assert.Throws<SettingsException>(() => BacktestConfiguration.Create(config));

        // assert
        Assert.Equal(
        [
            "rari.grid.levels = 0: a grid needs 2 to 500 levels",
            "rari.backtest.funding-interval = 90m: must be whole hours, 1h to 24h",
            "rari.backtest.fill-model = magic: must be one of trade-through, touch",
            "rari.backtest.warmup-bars: unknown key; did you mean 'warm-up-bars'?",
            "rari.backtest.initial-balance = -1: must be positive",
        ],
        error.Problems.Select(p => p.ToString()));
    }
}
