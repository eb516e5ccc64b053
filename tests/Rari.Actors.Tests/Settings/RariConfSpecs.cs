using Akka.Configuration;
using Rari.Actors.Settings;
using Rari.Domain.Strategies.Hybrid;
using Rari.Domain.Strategies.Sizing;

namespace Rari.Actors.Tests.Settings;

/// <summary>hocon/rari.conf: it parses, every loader runs on it, and its defaults are exactly the code's.</summary>
public sealed class RariConfSpecs
{
    public static TheoryData<string> Files => [.. Directory.GetFiles(HoconFiles.Folder, "*.conf").Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_parse_every_hocon_file(string file)
    {
        // act
        var config = RariConfig.Load(Path.Combine(HoconFiles.Folder, file));

        // assert
        Assert.False(config.IsEmpty);
    }

    [Fact]
    public void Should_load_every_block_of_the_reference_file_without_a_problem()
    {
        // act
        var problems = HoconFiles.Problems(HoconFiles.Reference);

        // assert
        Assert.Empty(problems);
    }

    [Fact]
    public void Should_hold_exactly_the_code_defaults()
    {
        // act
        var settings = RariSettingsLoader.Create(HoconFiles.Reference);

        // assert: the records compare by value, field by field
        var defaults = RariSettings.Default;
        Assert.Equal(defaults.Risk, settings.Risk);
        Assert.Equal(defaults.Grid, settings.Grid);
        Assert.Equal(defaults.Volatility, settings.Volatility);
        Assert.Equal(defaults.Hybrid, settings.Hybrid);
        Assert.Equal(defaults.Kelly, settings.Kelly);
        Assert.Equal(defaults.Assets.Profiles, settings.Assets.Profiles);
        Assert.Equal(defaults.Assets.Fallback, settings.Assets.Fallback);
    }

    [Fact]
    public void Should_differ_from_the_code_defaults_when_one_value_in_the_file_does()
    {
        // arrange: proves the comparison above can fail
        var changed = HoconFiles.With("hybrid.regime.min-bars-in-regime=5");

        // act
        var settings = RariSettingsLoader.Create(changed);

        // assert
        Assert.NotEqual(RariSettings.Default.Hybrid, settings.Hybrid);
        Assert.Equal(RegimeSettings.Default with { MinBarsInRegime = 5 }, settings.Hybrid.Regime);
    }

    [Fact]
    public void Should_list_every_key_the_loaders_read()
    {
        // arrange: a reader of an empty configuration records every value the loaders ask for
        var reader = new ConfigReader(ConfigurationFactory.Empty, RariSettingsLoader.Path);
        RariSettingsLoader.Read(reader);

        // act
        var missing = reader.ValuePaths.Where(path => !HoconFiles.Reference.HasPath(path)).ToList();

        // assert
        Assert.True(reader.ValuePaths.Count > 80, $"only {reader.ValuePaths.Count} keys were read");
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_profile_the_original_tools_assets()
    {
        // act
        var assets = RariSettingsLoader.Create(HoconFiles.Reference).Assets;

        // assert
        Assert.Equal(
            [("ASTERUSDT", 10), ("BTCUSDT", 50), ("ETHUSDT", 50), ("PENGUUSDT", 5), ("SOLUSDT", 25), ("SUIUSDT", 25)],
            assets.Profiles.Select(p => (p.Symbol.Value, p.Leverage)));
        Assert.Equal(StrategyKind.Grid, assets.For(new("ASTERUSDT")).PreferredStrategy);
        Assert.Equal(5, assets.For(new("XRPUSDT")).Leverage);
    }
}
