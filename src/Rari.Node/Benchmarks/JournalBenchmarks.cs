using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using Rari.Actors.Persistence;
using Rari.Actors.Serialization;
using Rari.Actors.Settings;
using Rari.Domain.Identifiers;
using Rari.Domain.Orders;
using Rari.Domain.Strategies.Grid;
using Rari.Node.Configuration;

namespace Rari.Node.Benchmarks;

/// <summary>
/// The journal (Akka.Persistence.Sql as <c>rari run</c> configures it, with the Rari serializer): events persisted per
/// second by 20 actors writing batches at once, on SQLite and — when a connection string is given — PostgreSQL; and the
/// recovery of one actor from 100 k journaled events, from its latest snapshot and, for comparison, without one.
/// </summary>
internal sealed class JournalBenchmarks(BenchOptions options, TextWriter log)
{
    private const int Writers = 20;
    private const int BatchSize = 100;
    private const int ChunkSize = 1_000;
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(1);

    /// <summary>The journal figures, then the recovery figure (SQLite).</summary>
    public async Task<IReadOnlyList<BenchFigure>> RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"rari-bench-journal-{Environment.ProcessId}");
        try
        {
            var sqlite = PersistenceSettings.Default with { SqlitePath = Path.Combine(folder, "bench.db") };
            var sqliteConfig = SystemConfig(PersistenceConfig.Build(sqlite, HoconFolder(), _ => null));
            var figures = new List<BenchFigure> { await Guarded("journal, SQLite", "≥ 20 k events/s", () => ThroughputAsync("SQLite", sqliteConfig, 20_000)) };
            if (options.PostgresConnection is { } connection)
            {
                var postgres = PersistenceSettings.Default with { Provider = PersistenceProvider.Postgresql };
                var postgresConfig = SystemConfig(PersistenceConfig.Build(postgres, HoconFolder(), name => name == PersistenceConfig.PostgresConnectionVariable ? connection : null));
                figures.Add(await Guarded("journal, PostgreSQL", "≥ 50 k events/s", () => ThroughputAsync("PostgreSQL", postgresConfig, 50_000)));
            }
            else
            {
                figures.Add(BenchFigure.NotMeasured("journal, PostgreSQL", "≥ 50 k events/s", "no PostgreSQL given: pass --postgres CONNECTION or set RARI_POSTGRES_CONNECTION"));
            }

            figures.Add(await Guarded("recovery", "< 1 s", () => RecoveryAsync(sqliteConfig)));
            return figures;
        }
        finally
        {
            SqliteCleanup(folder);
        }
    }

    // A journal that fails (a write timing out, a server going away) is a finding, not a crash of the whole bench.
    private async Task<BenchFigure> Guarded(string name, string target, Func<Task<BenchFigure>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (e is AskTimeoutException or TimeoutException or InvalidOperationException or System.Data.Common.DbException)
        {
            log.WriteLine($"  {name} failed: {e.GetType().Name}: {e.Message}");
            return BenchFigure.NotMeasured(name, target, $"the run failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private async Task<BenchFigure> ThroughputAsync(string database, Config config, int target)
    {
        var perWriter = (options.Quick ? 40_000 : 200_000) / Writers;
        var system = ActorSystem.Create("bench-journal", config);
        try
        {
            var run = Guid.NewGuid().ToString("N")[..8];
            var writers = new IActorRef[Writers];
            for (var i = 0; i < Writers; i++)
            {
                writers[i] = system.ActorOf(JournalActor.Props($"bench-{run}-{i}", snapshotEvery: 0, snapshotState: Snapshot()));
            }

            // One warm-up batch each: the tables exist and the connections are open before the clock starts.
            await Task.WhenAll(writers.Select((w, i) => w.Ask<JournalActor.Written>(new JournalActor.Write([Events(i, 0, BatchSize)]), Wait)));
            // Each actor journals 1,000 events (ten decisions) at a time and waits for them, as a strategy actor does not
            // run ahead of its journal; all twenty at once, so the journal batches their writes together.
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(writers.Select(async (writer, i) =>
            {
                for (var from = BatchSize; from < BatchSize + perWriter; from += ChunkSize)
                {
                    await writer.Ask<JournalActor.Written>(new JournalActor.Write(Batches(i, from, ChunkSize)), Wait);
                }
            }));
            var perSecond = Writers * (double)perWriter / clock.Elapsed.TotalSeconds;
            log.WriteLine($"  {database}: {Writers * perWriter:N0} events in {clock.Elapsed.TotalSeconds:0.00} s");
            return new BenchFigure(
                $"journal, {database}",
                BenchFormat.Rate(perSecond, "events"),
                $"≥ {target / 1000} k events/s",
                perSecond >= target,
                $"{Writers} actors at once, each journaling {perWriter:N0} grid decision events in PersistAll batches of {BatchSize}, {ChunkSize:N0} events in flight per actor (Akka.Persistence.Sql as configured in hocon/, Rari serializer, tags {Layout(config)})",
                new Dictionary<string, double> { ["eventsPerSecond"] = perSecond, ["events"] = Writers * perWriter });
        }
        finally
        {
            await system.Terminate();
        }
    }

    private async Task<BenchFigure> RecoveryAsync(Config config)
    {
        const int events = 100_000;
        var snapshotEvery = StrategyActorSettings.Default.SnapshotEvery;
        var id = $"bench-recovery-{Guid.NewGuid().ToString("N")[..8]}";
        var writing = ActorSystem.Create("bench-journal", config);
        try
        {
            var writer = writing.ActorOf(JournalActor.Props(id, snapshotEvery, Snapshot()));
            for (var written = 0; written < events; written += 10_000)
            {
                await writer.Ask<JournalActor.Written>(new JournalActor.Write(Batches(0, written, 10_000)), Wait);
            }
        }
        finally
        {
            await writing.Terminate();
        }

        // Each recovery in an actor system of its own, as after a restart.
        var fromSnapshot = await RecoverAsync(config, id, useSnapshots: true);
        var full = await RecoverAsync(config, id, useSnapshots: false);
        log.WriteLine($"  recovery: {fromSnapshot.Elapsed.TotalMilliseconds:0} ms from the snapshot ({fromSnapshot.EventsReplayed} events after it), {full.Elapsed.TotalMilliseconds:0} ms replaying all {full.EventsReplayed:N0}");
        return new BenchFigure(
            "recovery",
            $"{fromSnapshot.Elapsed.TotalMilliseconds:0} ms",
            "< 1 s",
            fromSnapshot.Elapsed < TimeSpan.FromSeconds(1) && fromSnapshot.FromSnapshot,
            $"a persistent actor with {events:N0} journaled grid events on SQLite, snapshot every {snapshotEvery} (rari.strategy-actors.snapshot-every): latest snapshot + {fromSnapshot.EventsReplayed} events; replaying all {full.EventsReplayed:N0} without a snapshot takes {full.Elapsed.TotalMilliseconds:0} ms. Replayed events are counted, not folded into a strategy",
            new Dictionary<string, double>
            {
                ["milliseconds"] = fromSnapshot.Elapsed.TotalMilliseconds,
                ["eventsAfterSnapshot"] = fromSnapshot.EventsReplayed,
                ["fullReplayMilliseconds"] = full.Elapsed.TotalMilliseconds,
                ["fullReplayEvents"] = full.EventsReplayed,
            });
    }

    private static async Task<JournalActor.Recovered> RecoverAsync(Config config, string id, bool useSnapshots)
    {
        var system = ActorSystem.Create("bench-journal", config);
        try
        {
            var actor = system.ActorOf(JournalActor.Props(id, 0, Snapshot(), useSnapshots));
            return await actor.Ask<JournalActor.Recovered>(JournalActor.GetRecovery.Instance, Wait);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static string Layout(Config config) =>
        PersistenceConfig.TagModeOf(config) == JournalTagMode.TagTable ? "in the tag table" : "in a column (a new journal's layout)";

    private static Config SystemConfig(Config persistence) =>
        ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING")
            .WithFallback(persistence)
            .WithFallback(RariSerialization.Config);

    private static string HoconFolder() => Path.GetDirectoryName(ConfigFiles.ReferencePath())!;

    private static List<IReadOnlyList<object>> Batches(int writer, int from, int count)
    {
        var batches = new List<IReadOnlyList<object>>((count / BatchSize) + 1);
        for (var start = from; start < from + count; start += BatchSize)
        {
            batches.Add(Events(writer, start, Math.Min(BatchSize, from + count - start)));
        }

        return batches;
    }

    // Grid decision events as a grid journals them: an order placed per rung, with its client order id.
    private static List<object> Events(int writer, int from, int count)
    {
        var strategy = new StrategyId("grid");
        var symbol = new Symbol(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"E{writer + 1:00}USDT"));
        var ids = new ClientOrderIdFactory();
        var events = new List<object>(count);
        for (var i = from; i < from + count; i++)
        {
            var sequence = i + 1L;
            events.Add(new GridOrderPlaced(
                strategy, symbol, 1_746_489_600_000 + (i * 60_000L), (i % 10) + 1, GridOrderRole.Entry, ids.Create(strategy, symbol, sequence), sequence,
                i % 2 == 0 ? OrderSide.Buy : OrderSide.Sell, OrderType.Limit, 2_500.12m + (i % 10), 0.02m, "grid entry buy at level 3"));
        }

        return events;
    }

    private static GridState Snapshot() => GridState.Initial(new StrategyId("grid"), new Symbol("E01USDT"), GridSettings.Default);

    private static void SqliteCleanup(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temporary database left behind is harmless.
        }
    }
}
