using Rari.Actors.Settings;
using Rari.Aster.Sim.Live;
using Rari.Node.Configuration;
using Rari.Node.Trading;

namespace Rari.Node.Tests.Trading;

public sealed class LiveMarketSettingsLoaderSpecs
{
    private static readonly Akka.Configuration.Config Reference = RariConfig.Load(ConfigFiles.ReferencePath());

    [Fact]
    public void Should_hold_exactly_the_code_defaults_in_the_reference_file()
    {
        // act
        var options = LiveMarketSettingsLoader.Create(Reference);

        // assert: Aster mainnet, as ../shared/aster-api.md gives it
        Assert.Equal(new LiveMarketOptions(), options);
        Assert.Equal(new Uri("https://fapi.asterdex.com"), options.RestBaseUrl);
        Assert.Equal(new Uri("wss://fstream.asterdex.com"), options.WebSocketBaseUrl);
    }

    [Fact]
    public void Should_list_every_key_the_loader_reads()
    {
        // arrange
        var reader = new ConfigReader(Akka.Configuration.ConfigurationFactory.Empty, LiveMarketSettingsLoader.Path);
        LiveMarketSettingsLoader.Read(reader);

        // act
        var missing = reader.ValuePaths.Where(path => !Reference.HasPath(path)).ToList();

        // assert
        Assert.Equal(5, reader.ValuePaths.Count);
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_point_the_upstream_elsewhere_by_override()
    {
        // arrange
        var config = RariConfig.Compose(Reference, null, [
            ConfigOverride.Parse("live-market.rest-url=http://127.0.0.1:5080"),
            ConfigOverride.Parse("live-market.websocket-url=ws://127.0.0.1:5080"),
            ConfigOverride.Parse("live-market.history-bars=60"),
        ]);

        // act
        var options = LiveMarketSettingsLoader.Create(config);

        // assert
        Assert.Equal(new LiveMarketOptions { RestBaseUrl = new Uri("http://127.0.0.1:5080"), WebSocketBaseUrl = new Uri("ws://127.0.0.1:5080"), HistoryBars = 60 }, options);
    }

    [Fact]
    public void Should_name_each_bad_key_and_value()
    {
        // arrange
        var config = RariConfig.Compose(Reference, null, [
            ConfigOverride.Parse("live-market.rest-url=ftp://example"),
            ConfigOverride.Parse("live-market.history-bars=0"),
            ConfigOverride.Parse("live-market.reconnect-max-backoff=100ms"),
            ConfigOverride.Parse("live-market.upstream=aster"),
        ]);

        // act
        var problems = Assert.Throws<SettingsException>(() => LiveMarketSettingsLoader.Create(config)).Problems.Select(p => p.ToString()).ToList();

        // assert
        Assert.Contains(problems, p => p.Contains("rari.live-market.rest-url = ftp://example", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("rari.live-market.history-bars = 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("rari.live-market.reconnect-max-backoff", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("rari.live-market.upstream", StringComparison.Ordinal));
    }
}
