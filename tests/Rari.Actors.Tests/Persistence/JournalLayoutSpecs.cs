using System.Data.Common;
using Akka.Actor;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rari.Actors.Persistence;
using Rari.Actors.Settings;
using Rari.Actors.Tests.Settings;
using Rari.Actors.Tests.Support;

namespace Rari.Actors.Tests.Persistence;

/// <summary>
/// <c>rari.persistence.tag-mode</c>: a new journal is created with tags in a column (one statement per batch), an
/// existing journal keeps the layout it was created with — the plugin cannot write one layout into the other's tables —
/// on a real SQLite file and, when <c>RARI_TEST_POSTGRES</c> is set, in a fresh PostgreSQL database.
/// </summary>
public sealed class JournalLayoutSpecs : IDisposable
{
    private readonly TempFolder _folder = new();

    private PersistenceSettings Sqlite => PersistenceSettings.Default with { SqlitePath = Path.Combine(_folder.Path, "state", "rari.db") };

    [Fact]
    public async Task Should_create_a_new_sqlite_journal_with_tags_in_a_column()
    {
        // act
        var config = PersistenceConfig.Build(Sqlite, HoconFiles.Folder, _ => null);
        await JournalAndRecoverAsync(config, "first");

        // assert
        Assert.Equal(JournalTagMode.Csv, PersistenceConfig.TagModeOf(config));
        Assert.Equal(JournalTagMode.Csv, SqliteLayout()); // <--
    }

    [Fact]
    public async Task Should_keep_the_tag_table_of_a_sqlite_journal_created_with_it()
    {
        // arrange: a journal written by an earlier version, which always used the tag table
        var legacy = PersistenceConfig.Build(Sqlite with { TagMode = JournalTagMode.TagTable }, HoconFiles.Folder, _ => null);
        var before = await JournalAndRecoverAsync(legacy, "first");

        // act: the next start leaves the mode to auto
        var config = PersistenceConfig.Build(Sqlite, HoconFiles.Folder, _ => null);
        var after = await JournalAndRecoverAsync(config, "first");

        // assert: written on, and every event of both runs recovered
        Assert.Equal(JournalTagMode.TagTable, PersistenceConfig.TagModeOf(config)); // <--
        Assert.Equal(JournalTagMode.TagTable, SqliteLayout());
        Assert.Equal(before.Count * 2, after.Count);
    }

    [Fact]
    public void Should_use_a_forced_mode_without_asking_the_database()
    {
        // act
        var config = PersistenceConfig.Build(Sqlite with { TagMode = JournalTagMode.TagTable }, HoconFiles.Folder, _ => null);

        // assert: journal and read journal agree
        Assert.Equal(JournalTagMode.TagTable, PersistenceConfig.TagModeOf(config));
        Assert.Equal("TagTable", config.GetString(PersistenceConfig.QueryPath + ".tag-read-mode")); // <--
    }

    [Fact]
    public void Should_see_no_layout_in_a_database_without_a_journal()
    {
        // arrange
        using var connection = new SqliteConnection(PersistenceConfig.SqliteConnectionString(Path.Combine(_folder.Path, "empty.db")));
        connection.Open();

        // act
        var layout = JournalLayoutProbe.ExistingLayout(connection, PersistenceProvider.Sqlite);

        // assert
        Assert.Null(layout); // <--
        Assert.Equal(JournalTagMode.Csv, JournalLayoutProbe.Resolve(JournalTagMode.Auto, layout));
        Assert.Equal(JournalTagMode.TagTable, JournalLayoutProbe.Resolve(JournalTagMode.TagTable, JournalTagMode.Csv));
    }

    [Fact]
    public void Should_name_the_variable_and_the_way_out_when_postgresql_cannot_be_reached()
    {
        // arrange: nothing listens on port 1
        var environment = new Dictionary<string, string>
        {
            [PersistenceConfig.PostgresConnectionVariable] = "Host=127.0.0.1;Port=1;Username=rari;Password=s3cr3t-pa55;Timeout=3",
        };

        // act
        var error = Assert.Throws<SettingsException>(() =>
            PersistenceConfig.Build(PersistenceSettings.Default with { Provider = PersistenceProvider.Postgresql }, HoconFiles.Folder, environment));

        // assert
        var problem = Assert.Single(error.Problems);
        Assert.Equal(PersistenceConfig.PostgresConnectionVariable, problem.Path);
        Assert.Contains("cannot be reached to read the journal's tag layout", problem.ToString(), StringComparison.Ordinal);
        Assert.Contains("rari.persistence.tag-mode", problem.ToString(), StringComparison.Ordinal); // <--
        Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Should_create_csv_and_keep_a_tag_table_on_postgresql()
    {
        // arrange: two fresh databases on the test server
        var fresh = await CreateDatabaseAsync();
        var legacy = await CreateDatabaseAsync();
        var postgres = PersistenceSettings.Default with { Provider = PersistenceProvider.Postgresql };
        await JournalAndRecoverAsync(PersistenceConfig.Build(postgres with { TagMode = JournalTagMode.TagTable }, HoconFiles.Folder, Environment(legacy)), "legacy");

        // act
        var freshConfig = PersistenceConfig.Build(postgres, HoconFiles.Folder, Environment(fresh));
        var legacyConfig = PersistenceConfig.Build(postgres, HoconFiles.Folder, Environment(legacy));
        await JournalAndRecoverAsync(freshConfig, "fresh");
        var recovered = await JournalAndRecoverAsync(legacyConfig, "legacy");

        // assert
        Assert.Equal(JournalTagMode.Csv, PersistenceConfig.TagModeOf(freshConfig)); // <--
        Assert.Equal(JournalTagMode.Csv, await PostgresLayoutAsync(fresh));
        Assert.Equal(JournalTagMode.TagTable, PersistenceConfig.TagModeOf(legacyConfig)); // <--
        Assert.Equal(JournalTagMode.TagTable, await PostgresLayoutAsync(legacy));
        Assert.Equal(2 * JournalSamples.Representative(perManifest: 1).Count, recovered.Count);
    }

    public void Dispose() => _folder.Dispose();

    // Journals one of every sample under a fixed persistence id, then recovers that id in a new actor system.
    private static async Task<IReadOnlyList<object>> JournalAndRecoverAsync(Akka.Configuration.Config persistence, string id)
    {
        var config = JournalRoundTrip.SystemConfig(persistence);
        var writing = ActorSystem.Create("layout", config);
        try
        {
            var actor = writing.ActorOf(SampleJournalActor.Props(id));
            await actor.Ask<SampleJournalActor.Journaled>(new SampleJournalActor.JournalEvents(JournalSamples.Representative(perManifest: 1)), JournalRoundTrip.Timeout);
        }
        finally
        {
            await writing.Terminate();
        }

        var reading = ActorSystem.Create("layout", config);
        try
        {
            var recovered = await reading.ActorOf(SampleJournalActor.Props(id))
                .Ask<SampleJournalActor.Recovered>(SampleJournalActor.GetRecovered.Instance, JournalRoundTrip.Timeout);
            return recovered.Events;
        }
        finally
        {
            await reading.Terminate();
        }
    }

    private JournalTagMode? SqliteLayout()
    {
        using var connection = new SqliteConnection(PersistenceConfig.SqliteConnectionString(Path.GetFullPath(Sqlite.SqlitePath)));
        connection.Open();
        return JournalLayoutProbe.ExistingLayout(connection, PersistenceProvider.Sqlite);
    }

    private static Dictionary<string, string> Environment(string connection) => new() { [PersistenceConfig.PostgresConnectionVariable] = connection };

    private static async Task<string> CreateDatabaseAsync()
    {
        var name = "rari_layout_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(PostgresFactAttribute.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(PostgresFactAttribute.ConnectionString) { Database = name }.ToString();
    }

    private static async Task<JournalTagMode?> PostgresLayoutAsync(string connectionString)
    {
        await using DbConnection connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return JournalLayoutProbe.ExistingLayout(connection, PersistenceProvider.Postgresql);
    }
}
