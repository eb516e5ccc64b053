using Akka.Configuration;
using Rari.Actors.Settings;
using Rari.Dashboard.Settings;
using Rari.Dashboard.Tests.Support;

namespace Rari.Dashboard.Tests.Settings;

public sealed class DashboardSettingsSpecs
{
    [Fact]
    public void Should_hold_exactly_the_code_defaults_in_rari_conf()
    {
        // act
        var dashboard = DashboardSettingsLoader.Create(ReferenceConfig.Root.GetConfig(DashboardSettingsLoader.Path));
        var alerts = AlertSettingsLoader.Create(ReferenceConfig.Root.GetConfig(AlertSettingsLoader.Path));

        // assert
        Assert.Equal(DashboardSettings.Default, dashboard);
        Assert.Equal(AlertSettings.Default, alerts);
    }

    [Fact]
    public void Should_differ_from_the_code_defaults_when_one_value_in_the_file_does()
    {
        // act: proves the comparison above can fail
        var dashboard = DashboardSettingsLoader.Create(ReferenceConfig.With("dashboard.port=9000").GetConfig(DashboardSettingsLoader.Path));
        var alerts = AlertSettingsLoader.Create(ReferenceConfig.With("alerts.fill-notional-above=null").GetConfig(AlertSettingsLoader.Path));

        // assert
        Assert.Equal(DashboardSettings.Default with { Port = 9000 }, dashboard);
        Assert.NotEqual(AlertSettings.Default, alerts);
        Assert.Null(alerts.FillNotionalAbove);
    }

    [Fact]
    public void Should_list_every_key_the_loaders_read_in_rari_conf()
    {
        // arrange: readers of an empty configuration record every value the loaders ask for
        var dashboard = new ConfigReader(ConfigurationFactory.Empty, DashboardSettingsLoader.Path);
        DashboardSettingsLoader.Read(dashboard);
        var alerts = new ConfigReader(ConfigurationFactory.Empty, AlertSettingsLoader.Path);
        AlertSettingsLoader.Read(alerts);

        // act
        var paths = dashboard.ValuePaths.Concat(alerts.ValuePaths).ToList();
        var missing = paths.Where(path => !ReferenceConfig.Root.HasPath(path)).ToList();

        // assert
        Assert.True(paths.Count >= 15, $"only {paths.Count} keys were read");
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_accept_the_dashboard_and_alert_blocks_in_the_trader_settings()
    {
        // act: the trader's loader rejects unknown blocks; these two are the dashboard's
        var settings = RariSettingsLoader.Create(ReferenceConfig.Root);

        // assert
        Assert.NotNull(settings);
    }

    [Fact]
    public void Should_name_every_bad_key_with_its_value_and_why()
    {
        // arrange
        var config = ReferenceConfig.With("dashboard.port=70000", "dashboard.bind=somewhere", "dashboard.refresh-interval=0s", "dashboard.colour=blue");

        // act
        var e = Assert.Throws<SettingsException>(() => DashboardSettingsLoader.Create(config.GetConfig(DashboardSettingsLoader.Path)));

        // assert
        var problems = e.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("rari.dashboard.port = 70000: must be a TCP port", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("rari.dashboard.bind = somewhere: must be an IP address", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("rari.dashboard.refresh-interval = 0: must be positive", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("rari.dashboard.colour: unknown key", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_read_named_webhooks_and_require_their_url_variable_and_a_telegram_chat()
    {
        // arrange
        var config = ConfigurationFactory.ParseString("""
            webhooks {
              ops { format = discord, url-variable = DISCORD_URL }
              phone { format = telegram, url-variable = TELEGRAM_URL }
              broken { format = generic }
              odd { format = pigeon, url-variable = X }
            }
            """);

        // act
        var e = Assert.Throws<SettingsException>(() => AlertSettingsLoader.Create(config));

        // assert
        var problems = e.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("rari.alerts.webhooks.phone.chat-id: is required for a telegram webhook: the chat the bot writes to", problems);
        Assert.Contains(problems, p => p.StartsWith("rari.alerts.webhooks.broken.url-variable: is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("rari.alerts.webhooks.odd.format = pigeon", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains(".ops.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("localhost", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("192.168.1.20", false)]
    public void Should_tell_a_loopback_address_from_one_reachable_from_elsewhere(string bind, bool loopback) =>
        Assert.Equal(loopback, (DashboardSettings.Default with { Bind = bind }).IsLoopback);
}
