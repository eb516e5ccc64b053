using Akka.Configuration;
using Rari.Actors.Settings;
using Rari.Domain.Market;
using Rari.Domain.Orders;
using Rari.Domain.Strategies.Grid;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Sizing;
using Rari.Domain.Strategies.Volatility;

namespace Rari.Actors.Tests.Settings;

/// <summary>The loaders: values in every notation, overrides, and one message per bad key, all at once.</summary>
public sealed class SettingsLoaderSpecs
{
    [Fact]
    public void Should_report_every_bad_key_at_once_with_its_value_and_why()
    {
        // arrange: a range error, a type error, an unknown enum value, a typo, a nested block and a Kelly rule
        var config = HoconFiles.With(
            "grid.levels=1",
            "grid.spacing=two",
            "volatility.entry-order=fast",
            "grid.levles=12",
            "hybrid.regime.trend-exit-adx=30",
            "sizing.kelly.fraction=2");

        // act
        var problems = HoconFiles.Problems(config);

        // assert
        Assert.Equal(
        [
            "rari.grid.spacing = two: must be a decimal number such as 0.02",
            "rari.grid.levles: unknown key; did you mean 'levels'?",
            "rari.grid.levels = 1: a grid needs 2 to 500 levels",
            "rari.sizing.kelly.fraction = 2: must be in (0, 1]",
            "rari.volatility.entry-order = fast: must be one of market, marketable-limit, limit-at-touch",
            "rari.hybrid.regime.trend-exit-adx = 30: must be in [0, trend-enter-adx = 25)",
        ],
        problems);
    }

    [Fact]
    public void Should_put_every_problem_in_the_exception_message_one_per_line()
    {
        // arrange
        var config = HoconFiles.With("risk.max-daily-loss=1.5", "risk.max-position-risk=0");

        // act
        var error = Assert.Throws<SettingsException>(() => RariSettingsLoader.Create(config));

        // assert
        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("The configuration has 2 problems:", error.Message, StringComparison.Ordinal);
        Assert.Contains("rari.risk.max-position-risk = 0: must be a share of equity in (0, 1]", error.Message, StringComparison.Ordinal);
        Assert.Contains("rari.risk.max-daily-loss = 1.5: must be a share of equity in (0, 1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_apply_overrides_above_the_reference_file()
    {
        // arrange
        var config = HoconFiles.With(
            "grid.levels=12",
            "rari.grid.direction=long",
            "grid.stop-loss-distance=null",
            "grid.bar-interval=5m",
            "volatility.max-holding-time=90m",
            "hybrid.regime.interval=1h",
            "sizing.kelly.enabled=on",
            "risk.max-daily-loss=0.05",
            "assets.BTCUSDT.leverage=20",
            "assets.XRPUSDT.strategy=grid");

        // act
        var settings = RariSettingsLoader.Create(config);

        // assert
        Assert.Equal(
            GridSettings.Default with { LevelCount = 12, Direction = GridDirection.Long, StopLossDistance = null, BarMs = 300_000 },
            settings.Grid);
        Assert.Equal(TimeSpan.FromMinutes(90), settings.Volatility.MaxHoldingTime);
        Assert.True(settings.Volatility.Kelly.Enabled); // rari.sizing reaches the volatility strategy
        Assert.Equal(KlineInterval.OneHour, settings.Hybrid.Regime.Interval);
        Assert.Equal(0.05m, settings.Risk.MaxDailyLoss);
        Assert.Equal(20, settings.Assets.For(new("BTCUSDT")).Leverage);
        Assert.Equal(new AssetProfile(new("XRPUSDT"), 5, StrategyKind.Grid, VolatilityClass.High), settings.Assets.For(new("XRPUSDT")));
    }

    [Fact]
    public void Should_give_the_strategies_the_gateway_s_client_order_id_prefix()
    {
        // arrange
        var config = HoconFiles.With("gateway.client-order-id-prefix=bot1", "grid.levels=12");

        // act
        var strategies = RariSettingsLoader.Create(config).Strategies;

        // assert: the prefix the gateway recognises, with the strategies' own settings
        Assert.Equal("bot1", strategies.ClientOrderIdPrefix);
        Assert.Equal(12, strategies.Grid.LevelCount);
        Assert.Equal(ClientOrderIdFactory.DefaultPrefix, RariSettingsLoader.Create(HoconFiles.Reference).Strategies.ClientOrderIdPrefix);
    }

    [Fact]
    public void Should_let_a_user_file_override_the_reference_and_the_command_line_override_both()
    {
        // arrange
        var user = RariConfig.Parse("rari.grid { levels = 14, spacing = 0.01 }", "user.conf");
        var config = RariConfig.Compose(HoconFiles.Reference, user, [ConfigOverride.Parse("grid.levels=16")]);

        // act
        var grid = RariSettingsLoader.Create(config).Grid;

        // assert
        Assert.Equal(16, grid.LevelCount);
        Assert.Equal(0.01m, grid.Spacing);
        Assert.Equal(GridSettings.Default.NotionalPerLevel, grid.NotionalPerLevel);
    }

    [Fact]
    public void Should_use_the_code_defaults_for_an_absent_block()
    {
        // act
        var settings = RariSettingsLoader.Create(ConfigurationFactory.ParseString("rari.grid.levels = 8"));

        // assert
        Assert.Equal(GridSettings.Default with { LevelCount = 8 }, settings.Grid);
        Assert.Equal(VolatilitySettings.Default, settings.Volatility);
        Assert.Equal(AssetProfileTable.Default.Profiles, settings.Assets.Profiles);
    }

    [Theory]
    [InlineData("grid.levels=null", "rari.grid.levels = null: must be a whole number; null is not allowed here")]
    [InlineData("grid.post-only=maybe", "rari.grid.post-only = maybe: must be true or false (on/off, yes/no)")]
    [InlineData("volatility.entry-timeout=2", "rari.volatility.entry-timeout = 2: must be a duration such as 500ms, 30s, 2m, 8h or 1d")]
    [InlineData("hybrid.regime.interval=7m", "rari.hybrid.regime.interval = 7m: must be a kline interval: 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, 12h, 1d, 3d, 1w")]
    [InlineData("assets.btc-usdt.leverage=3", "rari.assets.btc-usdt: a symbol block needs an exchange symbol as its name, upper-case letters and digits such as BTCUSDT")]
    [InlineData("assets.BTCUSDT.leverage=200", "rari.assets.BTCUSDT.leverage = 200: must be 1-125")]
    [InlineData("hybrid.switch-position=keep", "rari.hybrid.switch-position = keep: must be one of close, hand-over")]
    [InlineData("gird.levels=3", "rari.gird: unknown key; did you mean 'grid'?")]
    public void Should_explain_a_bad_value(string setting, string problem)
    {
        // act
        var problems = HoconFiles.Problems(HoconFiles.With(setting));

        // assert
        Assert.Equal([problem], problems);
    }
}
