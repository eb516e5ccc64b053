using Akka.Configuration;
using Akka.Configuration.Hocon;
using Akka.Hosting;
using Akka.Persistence.Sql;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Rari.Actors.Persistence;
using Rari.Actors.Settings;
using Rari.Actors.Tests.Settings;
using Rari.Actors.Tests.Support;

namespace Rari.Actors.Tests.Persistence;

/// <summary>
/// <see cref="PersistenceConfig.Build(PersistenceSettings, string, Func{string, string?})"/>: the SQLite and PostgreSQL
/// configurations, the secret that stays in the environment, and the HOCON files themselves.
/// </summary>
public sealed class PersistenceConfigSpecs : IDisposable
{
    private const string Secret = "Host=db.internal;Port=5432;Database=rari;Username=rari;Password=s3cr3t-pa55";

    private static readonly string[] Plugins = [PersistenceConfig.JournalPath, PersistenceConfig.SnapshotStorePath, PersistenceConfig.QueryPath];

    private readonly TempFolder _folder = new();

    public static TheoryData<string> Files => ["persistence.sqlite.conf", "persistence.postgres.conf"];

    [Fact]
    public void Should_configure_sqlite_on_the_file_of_the_settings_creating_its_folder_in_write_ahead_mode()
    {
        // arrange: a relative path resolves against the working directory, which is made absolute once
        var path = Path.Combine(_folder.Path, "nested", "state", "rari.db");
        var settings = PersistenceSettings.Default with { SqlitePath = path };

        // act
        var config = PersistenceConfig.Build(settings, HoconFiles.Folder, _ => null);

        // assert
        Assert.True(Directory.Exists(Path.GetDirectoryName(path)));
        Assert.All(Plugins, plugin =>
        {
            Assert.Equal("SQLite.MS", config.GetString(plugin + ".provider-name"));
            Assert.Equal(PersistenceConfig.SqliteConnectionString(path), config.GetString(plugin + ".connection-string"));
        });
        Assert.Contains($"Data Source={path}", config.GetString(PersistenceConfig.JournalPath + ".connection-string"), StringComparison.Ordinal);
        Assert.Equal(1, config.GetInt(PersistenceConfig.JournalPath + ".parallelism"));
        Assert.Equal("wal", JournalMode(path)); // <--
    }

    [Fact]
    public void Should_configure_both_plugins_the_tagger_and_the_plugin_defaults()
    {
        // act
        var config = PersistenceConfig.Build(PersistenceSettings.Default with { SqlitePath = Path.Combine(_folder.Path, "rari.db") }, HoconFiles.Folder, _ => null);

        // assert
        Assert.Equal(PersistenceConfig.JournalPath, config.GetString("akka.persistence.journal.plugin"));
        Assert.Equal(PersistenceConfig.SnapshotStorePath, config.GetString("akka.persistence.snapshot-store.plugin"));
        Assert.True(config.GetBoolean(PersistenceConfig.JournalPath + ".auto-initialize"));
        Assert.True(config.GetBoolean(PersistenceConfig.SnapshotStorePath + ".auto-initialize"));
        Assert.Equal("Rari.Actors.Persistence.RariEventTagger, Rari.Actors", config.GetString(PersistenceConfig.JournalPath + ".event-adapters.rari-tagger"));
        Assert.Equal(3, config.GetConfig(PersistenceConfig.JournalPath + ".event-adapter-bindings").AsEnumerable().Count());
        Assert.Equal("Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql", config.GetString(PersistenceConfig.JournalPath + ".class"));
    }

    [Fact]
    public void Should_add_the_configuration_through_akka_hosting()
    {
        // arrange
        var builder = new AkkaConfigurationBuilder(new ServiceCollection(), "rari");
        var path = Path.Combine(_folder.Path, "rari.db");

        // act
        builder.AddRariPersistence(PersistenceSettings.Default with { SqlitePath = path }, HoconFiles.Folder, _ => null);

        // assert
        Assert.Equal(PersistenceConfig.SqliteConnectionString(path), builder.Configuration.Value.GetString(PersistenceConfig.JournalPath + ".connection-string"));
    }

    [Fact]
    public void Should_configure_postgresql_with_the_connection_string_of_the_environment()
    {
        // arrange
        var environment = new Dictionary<string, string> { [PersistenceConfig.PostgresConnectionVariable] = Secret };

        var settings = PersistenceSettings.Default with { Provider = PersistenceProvider.Postgresql, TagMode = JournalTagMode.Csv }; // no server asked

        // act
        var config = PersistenceConfig.Build(settings, HoconFiles.Folder, environment);

        // assert
        Assert.All(Plugins, plugin =>
        {
            Assert.Equal("PostgreSQL.15", config.GetString(plugin + ".provider-name"));
            Assert.Equal(Secret, config.GetString(plugin + ".connection-string")); // <--
        });
        Assert.Equal(3, config.GetInt(PersistenceConfig.JournalPath + ".parallelism"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Should_refuse_postgresql_without_the_environment_variable_naming_it(string? value)
    {
        // act
        var error = Assert.Throws<SettingsException>(() =>
            PersistenceConfig.Build(PersistenceSettings.Default with { Provider = PersistenceProvider.Postgresql }, HoconFiles.Folder, _ => value));

        // assert
        var problem = Assert.Single(error.Problems);
        Assert.Equal("RARI_POSTGRES_CONNECTION", problem.Path);
        Assert.StartsWith(
            "RARI_POSTGRES_CONNECTION: is not set, and rari.persistence.provider = postgresql reads the connection string only from this environment variable",
            problem.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_malformed_connection_string_without_repeating_it()
    {
        // arrange: a typo that puts the password where Npgsql expects a keyword
        var environment = new Dictionary<string, string> { [PersistenceConfig.PostgresConnectionVariable] = "Host=db;Passwort s3cr3t-pa55=x" };

        // act
        var error = Assert.Throws<SettingsException>(() =>
            PersistenceConfig.Build(PersistenceSettings.Default with { Provider = PersistenceProvider.Postgresql }, HoconFiles.Folder, environment));

        // assert
        Assert.Contains("RARI_POSTGRES_CONNECTION: is not a PostgreSQL connection string Npgsql accepts", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal); // <--
    }

    [Fact]
    public void Should_refuse_invalid_settings_and_an_unusable_sqlite_path()
    {
        // arrange: a file where the database's folder should be
        var blocker = Path.Combine(_folder.Path, "blocker");
        File.WriteAllText(blocker, "not a folder");

        // act
        var invalid = Assert.Throws<SettingsException>(() => PersistenceConfig.Build(PersistenceSettings.Default with { SqlitePath = "state/" }, HoconFiles.Folder, _ => null));
        var unusable = Assert.Throws<SettingsException>(() =>
            PersistenceConfig.Build(PersistenceSettings.Default with { SqlitePath = Path.Combine(blocker, "rari.db") }, HoconFiles.Folder, _ => null));

        // assert
        Assert.Equal("rari.persistence.sqlite-path = state/: must be a file path such as state/rari.db, not a folder or a name with invalid characters", Assert.Single(invalid.Problems).ToString());
        Assert.StartsWith($"rari.persistence.sqlite-path = {Path.Combine(blocker, "rari.db")}: the database", Assert.Single(unusable.Problems).ToString(), StringComparison.Ordinal);
        Assert.EndsWith("choose a path in a writable folder", unusable.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_set_only_keys_the_plugin_knows(string file)
    {
        // arrange: a misspelt key would be ignored silently by the plugin
        var config = RariConfig.Load(Path.Combine(HoconFiles.Folder, file));
        var known = SqlPersistence.DefaultConfiguration;

        // act
        var unknown = Leaves(config.Root, "").Where(path => !known.HasPath(path) && !IsOwn(path)).ToList();

        // assert
        Assert.True(Leaves(config.Root, "").Count() > 30);
        Assert.Empty(unknown);
    }

    public void Dispose() => _folder.Dispose();

    private static bool IsOwn(string path) =>
        path is "akka.persistence.journal.plugin" or "akka.persistence.snapshot-store.plugin"
        || path.StartsWith(PersistenceConfig.JournalPath + ".event-adapter", StringComparison.Ordinal);

    private static IEnumerable<string> Leaves(HoconValue value, string path)
    {
        if (!value.IsObject())
        {
            yield return path;
            yield break;
        }

        foreach (var (key, child) in value.GetObject().Items)
        {
            var childPath = path.Length == 0 ? key : $"{path}.{(key.Contains('.', StringComparison.Ordinal) ? $"\"{key}\"" : key)}";
            foreach (var leaf in Leaves(child, childPath))
            {
                yield return leaf;
            }
        }
    }

    private static string JournalMode(string path)
    {
        using var connection = new SqliteConnection(PersistenceConfig.SqliteConnectionString(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        return (string)command.ExecuteScalar()!;
    }
}
