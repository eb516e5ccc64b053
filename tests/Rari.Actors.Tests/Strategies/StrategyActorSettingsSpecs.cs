using Rari.Actors.Settings;
using Rari.Actors.Tests.Settings;

namespace Rari.Actors.Tests.Strategies;

/// <summary><c>rari.strategy-actors</c>: the reference file holds the code defaults; bad values are reported per key.</summary>
public sealed class StrategyActorSettingsSpecs
{
    [Fact]
    public void Should_hold_exactly_the_code_defaults_in_the_reference_file()
    {
        // act
        var settings = StrategyActorSettingsLoader.Create(HoconFiles.Reference.GetConfig(StrategyActorSettingsLoader.Path));

        // assert
        Assert.Equal(StrategyActorSettings.Default, settings);
    }

    [Fact]
    public void Should_differ_from_the_code_defaults_when_one_value_in_the_file_does()
    {
        // act
        var settings = StrategyActorSettingsLoader.Create(HoconFiles.With("strategy-actors.max-failures=7").GetConfig(StrategyActorSettingsLoader.Path));

        // assert
        Assert.Equal(StrategyActorSettings.Default with { MaxFailures = 7 }, settings);
    }

    [Fact]
    public void Should_list_every_key_it_reads_in_the_reference_file()
    {
        // arrange
        var reader = new ConfigReader(null, StrategyActorSettingsLoader.Path);
        StrategyActorSettingsLoader.Read(reader);

        // act
        var missing = reader.ValuePaths.Where(path => !HoconFiles.Reference.HasPath(path)).ToList();

        // assert
        Assert.Equal(19, reader.ValuePaths.Count);
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_report_every_bad_key_with_its_value_and_why()
    {
        // arrange
        var config = HoconFiles.With(
            "strategy-actors.snapshot-every=0",
            "strategy-actors.restart-backoff-max=1s",
            "strategy-actors.order-sync-timeout=soon",
            "strategy-actors.max-failure=3");

        // act
        var problems = Assert.Throws<SettingsException>(() => StrategyActorSettingsLoader.Create(config.GetConfig(StrategyActorSettingsLoader.Path))).Problems;

        // assert
        Assert.Equal(
            ["rari.strategy-actors.max-failure", "rari.strategy-actors.order-sync-timeout", "rari.strategy-actors.restart-backoff-max", "rari.strategy-actors.snapshot-every"],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains(problems, p => p.Path.EndsWith("max-failure", StringComparison.Ordinal) && p.Reason.Contains("max-failures", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path.EndsWith("restart-backoff-max", StringComparison.Ordinal) && p.Value == "1s");
    }
}
