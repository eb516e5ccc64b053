using Npgsql;
using Rari.Actors.Persistence;
using Rari.Actors.Serialization;
using Rari.Actors.Tests.Settings;
using Rari.Actors.Tests.Support;

namespace Rari.Actors.Tests.Persistence;

/// <summary>
/// The same round trip as <see cref="SqliteJournalSpecs"/> against a real PostgreSQL, configured from
/// <c>hocon/persistence.postgres.conf</c> with the connection string in <c>RARI_POSTGRES_CONNECTION</c>. Runs when
/// <c>RARI_TEST_POSTGRES</c> holds a connection string to a throwaway database (<c>.ci/run</c> sets it); skipped otherwise.
/// </summary>
public sealed class PostgresJournalSpecs
{
    [PostgresFact]
    public async Task Should_recover_in_a_new_actor_system_every_sample_and_snapshot_the_last_one_journaled()
    {
        // arrange: the node reads the secret from RARI_POSTGRES_CONNECTION; the spec hands it the test server's
        var settings = PersistenceSettings.Default with { Provider = PersistenceProvider.Postgresql };
        var environment = new Dictionary<string, string> { [PersistenceConfig.PostgresConnectionVariable] = PostgresFactAttribute.ConnectionString! };
        var config = JournalRoundTrip.SystemConfig(PersistenceConfig.Build(settings, HoconFiles.Folder, environment));
        var events = JournalSamples.Representative(perManifest: 3);
        var snapshots = JournalRoundTrip.SnapshotSamples();

        // act
        var (recovered, recoveredSnapshots) = await JournalRoundTrip.RunAsync(config, events, snapshots);

        // assert
        Assert.Equal(events.Count, recovered.Count);
        for (var i = 0; i < events.Count; i++)
        {
            SerializationAssert.Faithful(events[i], recovered[i]); // <--
        }

        for (var i = 0; i < snapshots.Count; i++)
        {
            SerializationAssert.Faithful(snapshots[i].State, recoveredSnapshots[i].Snapshot!);
            SerializationAssert.Faithful(snapshots[i].After, Assert.Single(recoveredSnapshots[i].Events));
        }

        Assert.All(await QueryAsync("SELECT DISTINCT identifier FROM journal"), id => Assert.Equal(RariJsonSerializer.SerializerId.ToString(System.Globalization.CultureInfo.InvariantCulture), id));
        Assert.Contains(await QueryAsync("SELECT DISTINCT tags FROM journal WHERE tags IS NOT NULL"), tags => tags.Contains(";strategy;", StringComparison.Ordinal));
    }

    private static async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresFactAttribute.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
