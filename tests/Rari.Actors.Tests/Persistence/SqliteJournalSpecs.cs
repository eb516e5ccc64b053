using System.Diagnostics;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using Microsoft.Data.Sqlite;
using Rari.Actors.Persistence;
using Rari.Actors.Serialization;
using Rari.Actors.Tests.Settings;
using Rari.Actors.Tests.Support;
using Rari.Domain.Orders;
using Rari.Domain.Risk;
using Rari.Domain.Strategies;
using Xunit.Abstractions;

namespace Rari.Actors.Tests.Persistence;

/// <summary>
/// The real journal: Akka.Persistence.Sql on a SQLite file, configured by <see cref="PersistenceConfig"/> from
/// <c>hocon/persistence.sqlite.conf</c>, with the Rari serializer and tagger — written by one actor system, recovered by
/// the next.
/// </summary>
public sealed class SqliteJournalSpecs(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    private PersistenceSettings Settings => PersistenceSettings.Default with { SqlitePath = Path.Combine(_folder.Path, "state", "rari.db") };

    [Fact]
    public async Task Should_recover_in_a_new_actor_system_every_sample_and_snapshot_the_last_one_journaled()
    {
        // arrange
        var config = JournalRoundTrip.SystemConfig(PersistenceConfig.Build(Settings, HoconFiles.Folder, _ => null));
        var events = JournalSamples.Representative(perManifest: 3);
        var snapshots = JournalRoundTrip.SnapshotSamples();

        // act
        var (recovered, recoveredSnapshots) = await JournalRoundTrip.RunAsync(config, events, snapshots);

        // assert
        Assert.True(File.Exists(Settings.SqlitePath));
        Assert.Equal(events.Count, recovered.Count);
        for (var i = 0; i < events.Count; i++)
        {
            SerializationAssert.Faithful(events[i], recovered[i]); // <--
        }

        for (var i = 0; i < snapshots.Count; i++)
        {
            Assert.Equal(1, recoveredSnapshots[i].SnapshotSequenceNr);
            SerializationAssert.Faithful(snapshots[i].State, recoveredSnapshots[i].Snapshot!);
            SerializationAssert.Faithful(snapshots[i].After, Assert.Single(recoveredSnapshots[i].Events));
        }
    }

    [Fact]
    public async Task Should_store_only_the_rari_serializer_id_and_stable_manifests()
    {
        // arrange
        var config = JournalRoundTrip.SystemConfig(PersistenceConfig.Build(Settings, HoconFiles.Folder, _ => null));

        // act
        await JournalRoundTrip.RunAsync(config, JournalSamples.Representative(perManifest: 1), JournalRoundTrip.SnapshotSamples());

        // assert: no CLR type name in the tables, so renaming a type never orphans a row
        var journal = Query("SELECT DISTINCT identifier || ' ' || manifest FROM journal");
        var snapshots = Query("SELECT DISTINCT serializer_id || ' ' || manifest FROM snapshot");
        Assert.All(journal.Concat(snapshots), row => Assert.StartsWith($"{RariJsonSerializer.SerializerId} ", row, StringComparison.Ordinal));
        Assert.Equal(MessageManifests.Default.Count, journal.Count);
        Assert.Contains($"{RariJsonSerializer.SerializerId} hybrid.snapshot.v1", snapshots);
        Assert.Contains($"{RariJsonSerializer.SerializerId} risk.state.v1", snapshots);
    }

    [Theory]
    [InlineData(JournalTagMode.Auto)] // a new journal: the CSV layout
    [InlineData(JournalTagMode.TagTable)]
    public async Task Should_tag_journaled_events_for_the_read_models(JournalTagMode tagMode)
    {
        // arrange
        var config = JournalRoundTrip.SystemConfig(PersistenceConfig.Build(Settings with { TagMode = tagMode }, HoconFiles.Folder, _ => null));
        var events = JournalSamples.Representative(perManifest: 2);
        await JournalRoundTrip.RunAsync(config, events, []);
        var system = ActorSystem.Create("read-model", config);
        try
        {
            var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(PersistenceConfig.QueryPath);

            // act: the read side is eventually consistent (it waits for the journal's ordering to settle), so ask until it has caught up
            var tags = new[] { RariEventTagger.OrderTag, RariEventTagger.RiskTag, RariEventTagger.StrategyTag, "symbol:ETHUSDT" };
            var adapted = events.Where(e => e is IOrderEvent or IStrategyEvent or IRiskEvent).ToList(); // the bound families
            var expected = tags.ToDictionary(tag => tag, tag => adapted.Count(e => RariEventTagger.TagsOf(e).Contains(tag)));
            var counted = new Dictionary<string, int>();
            var deadline = DateTime.UtcNow + JournalRoundTrip.Timeout;
            do
            {
                foreach (var tag in tags)
                {
                    var envelopes = await journal.CurrentEventsByTag(tag, Offset.NoOffset())
                        .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer())
                        .WaitAsync(JournalRoundTrip.Timeout);
                    counted[tag] = envelopes.Count;
                }
            }
            while (!tags.All(tag => counted[tag] == expected[tag]) && DateTime.UtcNow < deadline && await Delay());

            // assert: what the tagger gives each event, counted
            Assert.Equal(expected, counted); // <--
            Assert.All(expected.Values, count => Assert.True(count > 0));
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public async Task Should_journal_ten_thousand_events_in_one_persist_all_and_recover_them()
    {
        // arrange: real strategy events, repeated to 10,000
        var config = JournalRoundTrip.SystemConfig(PersistenceConfig.Build(Settings, HoconFiles.Folder, _ => null));
        var real = RecordedStrategyRuns.All.SelectMany(run => run.Events).ToList();
        var events = Enumerable.Range(0, 10_000).Select(i => (object)real[i % real.Count]).ToList();
        var system = ActorSystem.Create("bulk", config);
        try
        {
            var persistenceId = "bulk-" + Guid.NewGuid().ToString("N")[..12];
            var actor = system.ActorOf(SampleJournalActor.Props(persistenceId));
            var warmUp = system.ActorOf(SampleJournalActor.Props(persistenceId + "-warm-up"));
            await warmUp.Ask<SampleJournalActor.Journaled>(new SampleJournalActor.JournalEvents(events[..200]), JournalRoundTrip.Timeout); // tables and code paths ready

            // act
            var watch = Stopwatch.StartNew();
            var journaled = await actor.Ask<SampleJournalActor.Journaled>(new SampleJournalActor.JournalEvents(events), TimeSpan.FromMinutes(2));

            var written = watch.Elapsed;
            await actor.GracefulStop(JournalRoundTrip.Timeout);
            watch.Restart();
            var recovered = await system.ActorOf(SampleJournalActor.Props(persistenceId))
                .Ask<SampleJournalActor.Recovered>(SampleJournalActor.GetRecovered.Instance, TimeSpan.FromMinutes(2));
            var read = watch.Elapsed;

            // assert
            Assert.Equal(10_000, journaled.SequenceNr);
            Assert.Equal(events, recovered.Events); // <--
            output.WriteLine($"PersistAll of 10,000 events on SQLite: {written.TotalMilliseconds:F0} ms, {10_000 / written.TotalSeconds:F0} events/s");
            output.WriteLine($"Recovery of the 10,000 events: {read.TotalMilliseconds:F0} ms, {10_000 / read.TotalSeconds:F0} events/s");
        }
        finally
        {
            await system.Terminate();
        }
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }

    private List<string> Query(string sql)
    {
        using var connection = new SqliteConnection(PersistenceConfig.SqliteConnectionString(Path.GetFullPath(Settings.SqlitePath)));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return rows;
    }
}
