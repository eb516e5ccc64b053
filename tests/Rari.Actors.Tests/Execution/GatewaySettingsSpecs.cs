using Akka.Configuration;
using Rari.Actors.Settings;
using Rari.Actors.Tests.Settings;
using Rari.Domain.Execution;

namespace Rari.Actors.Tests.Execution;

/// <summary><c>rari.gateway</c>: the reference file holds the code's defaults, and bad values are named one by one.</summary>
public sealed class GatewaySettingsSpecs
{
    [Fact]
    public void Should_hold_exactly_the_code_defaults_in_the_reference_file()
    {
        // act
        var settings = GatewaySettingsLoader.Create(HoconFiles.Reference.GetConfig(GatewaySettingsLoader.Path));

        // assert
        Assert.Equal(GatewaySettings.Default, settings);
    }

    [Fact]
    public void Should_document_every_key_the_loader_reads()
    {
        // arrange
        var reader = new ConfigReader(ConfigurationFactory.Empty, GatewaySettingsLoader.Path);
        GatewaySettingsLoader.Read(reader);

        // act
        var missing = reader.ValuePaths.Where(path => !HoconFiles.Reference.HasPath(path)).ToList();

        // assert
        Assert.Equal(17, reader.ValuePaths.Count);
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_read_changed_values()
    {
        // arrange
        var config = HoconFiles.With("gateway.unknown-orders=adopt", "gateway.open-orders-on-shutdown=leave", "gateway.countdown=2m", "gateway.dead-mans-switch=off");

        // act
        var settings = GatewaySettingsLoader.Create(config.GetConfig(GatewaySettingsLoader.Path));

        // assert
        Assert.Equal(
            GatewaySettings.Default with { UnknownOrders = UnknownOrderPolicy.Adopt, OpenOrdersOnShutdown = ShutdownOrders.Leave, Countdown = TimeSpan.FromMinutes(2), DeadMansSwitch = false },
            settings);
    }

    [Fact]
    public void Should_name_every_bad_key()
    {
        // arrange
        var config = ConfigurationFactory.ParseString("""
            countdown-interval = 40s
            countdown = 60s
            unknown-orders = ignore
            client-order-id-prefix = "rari-trader"
            stash-capacity = 0
            retry-max-delay = 100ms
            snapshot-evry = 10
            retained-ended-orders = 0
            """);

        // act
        var problems = Assert.Throws<SettingsException>(() => GatewaySettingsLoader.Create(config)).Problems.Select(p => p.Path).Order().ToList();

        // assert
        Assert.Equal(
            [
                "rari.gateway.client-order-id-prefix",
                "rari.gateway.countdown",
                "rari.gateway.retained-ended-orders",
                "rari.gateway.retry-max-delay",
                "rari.gateway.snapshot-evry",
                "rari.gateway.stash-capacity",
                "rari.gateway.unknown-orders",
            ],
            problems);
    }
}
