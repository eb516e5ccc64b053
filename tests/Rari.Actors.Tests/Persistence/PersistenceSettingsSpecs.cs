using Akka.Configuration;
using Rari.Actors.Persistence;
using Rari.Actors.Settings;
using Rari.Actors.Tests.Settings;

namespace Rari.Actors.Tests.Persistence;

/// <summary><c>rari.persistence</c>: the file's defaults are the code's, overrides apply, and each bad key gets one clear message.</summary>
public sealed class PersistenceSettingsSpecs
{
    [Fact]
    public void Should_hold_exactly_the_code_defaults_in_the_reference_file()
    {
        // act
        var settings = PersistenceSettingsLoader.Create(HoconFiles.Reference.GetConfig(PersistenceSettingsLoader.Path));

        // assert
        Assert.Equal(PersistenceSettings.Default, settings); // <--
        Assert.Equal(new PersistenceSettings { Provider = PersistenceProvider.Sqlite, SqlitePath = "state/rari.db" }, settings);
    }

    [Fact]
    public void Should_list_every_key_the_loader_reads_in_the_reference_file()
    {
        // arrange
        var reader = new ConfigReader(ConfigurationFactory.Empty, PersistenceSettingsLoader.Path);
        PersistenceSettingsLoader.Read(reader);

        // act
        var missing = reader.ValuePaths.Where(path => !HoconFiles.Reference.HasPath(path));

        // assert
        Assert.Equal(["rari.persistence.provider", "rari.persistence.sqlite-path", "rari.persistence.tag-mode"], reader.ValuePaths);
        Assert.Empty(missing);
    }

    [Fact]
    public void Should_differ_from_the_code_defaults_when_the_file_does()
    {
        // arrange: proves the comparison above can fail
        var config = HoconFiles.With("persistence.sqlite-path=elsewhere/rari.db");

        // act
        var settings = PersistenceSettingsLoader.Create(config.GetConfig(PersistenceSettingsLoader.Path));

        // assert
        Assert.NotEqual(PersistenceSettings.Default, settings);
    }

    [Fact]
    public void Should_apply_overrides()
    {
        // arrange
        var config = HoconFiles.With("persistence.provider=postgresql", "persistence.sqlite-path=/var/lib/rari/journal.db", "persistence.tag-mode=tag-table");

        // act
        var settings = PersistenceSettingsLoader.Create(config.GetConfig(PersistenceSettingsLoader.Path));

        // assert
        Assert.Equal(new PersistenceSettings { Provider = PersistenceProvider.Postgresql, SqlitePath = "/var/lib/rari/journal.db", TagMode = JournalTagMode.TagTable }, settings);
    }

    [Theory]
    [InlineData("provider = mysql", "rari.persistence.provider = mysql: must be one of sqlite, postgresql")]
    [InlineData("tag-mode = both", "rari.persistence.tag-mode = both: must be one of auto, csv, tag-table")]
    [InlineData("sqlite-path = \"\"", "rari.persistence.sqlite-path = : must be a non-empty text")]
    [InlineData("sqlite-path = \"state/\"", "rari.persistence.sqlite-path = state/: must be a file path such as state/rari.db, not a folder or a name with invalid characters")]
    [InlineData("sqlite-paths = \"state/rari.db\"", "rari.persistence.sqlite-paths: unknown key; did you mean 'sqlite-path'?")]
    [InlineData("snapshot-every = 500", "rari.persistence.snapshot-every: unknown key; snapshots are set per actor: rari.strategy-actors.snapshot-every, rari.gateway.snapshot-every")]
    public void Should_explain_a_bad_key_in_one_message_with_its_value_and_what_is_allowed(string line, string problem)
    {
        // arrange: the line in a user's --config file
        var config = RariConfig.Parse($"rari.persistence {{ {line} }}", "user.conf").WithFallback(HoconFiles.Reference);

        // act: through the loader of the whole file, as the node reads it
        var problems = HoconFiles.Problems(config);

        // assert
        Assert.Equal([problem], problems); // <--
    }
}
