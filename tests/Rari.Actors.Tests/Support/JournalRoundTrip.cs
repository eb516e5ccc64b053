using Akka.Actor;
using Akka.Configuration;
using Rari.Actors.Serialization;

namespace Rari.Actors.Tests.Support;

/// <summary>
/// Journals samples and snapshots in one actor system, shuts it down, and recovers them in a new actor system on the
/// same database — what a restart of the node does — through <see cref="SampleJournalActor"/>.
/// </summary>
public static class JournalRoundTrip
{
    /// <summary>How long one step may take before the spec fails (generous: two shared cores, a real database).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>An actor system's configuration: the persistence configuration under test, the serializer bindings, quiet logs.</summary>
    public static Config SystemConfig(Config persistence) =>
        ConfigurationFactory.ParseString("akka.loglevel = WARNING\nakka.stdout-loglevel = WARNING")
            .WithFallback(persistence)
            .WithFallback(RariSerialization.Config);

    /// <summary>
    /// Journals <paramref name="events"/> under one persistence id and each of <paramref name="snapshots"/> as the
    /// snapshot of an id of its own (with an event before and one after it), in a first actor system; then recovers all
    /// of them in a second.
    /// </summary>
    /// <returns>The events recovered, and per snapshot what recovery delivered.</returns>
    public static async Task<(IReadOnlyList<object> Events, IReadOnlyList<SampleJournalActor.Recovered> Snapshots)> RunAsync(
        Config config, IReadOnlyList<object> events, IReadOnlyList<(object Before, object State, object After)> snapshots)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        var eventsId = $"samples-{id}";
        string SnapshotId(int i) => $"snapshot-{id}-{i}";

        var first = ActorSystem.Create("journal-first", config);
        try
        {
            var journal = first.ActorOf(SampleJournalActor.Props(eventsId));
            await journal.Ask<SampleJournalActor.Journaled>(new SampleJournalActor.JournalEvents(events), Timeout);
            for (var i = 0; i < snapshots.Count; i++)
            {
                var (before, state, after) = snapshots[i];
                var actor = first.ActorOf(SampleJournalActor.Props(SnapshotId(i)));
                await actor.Ask<SampleJournalActor.Journaled>(new SampleJournalActor.JournalEvents([before]), Timeout);
                await actor.Ask<SampleJournalActor.SnapshotTaken>(new SampleJournalActor.TakeSnapshot(state), Timeout);
                await actor.Ask<SampleJournalActor.Journaled>(new SampleJournalActor.JournalEvents([after]), Timeout);
            }
        }
        finally
        {
            await first.Terminate();
        }

        var second = ActorSystem.Create("journal-second", config);
        try
        {
            var recovered = await second.ActorOf(SampleJournalActor.Props(eventsId))
                .Ask<SampleJournalActor.Recovered>(SampleJournalActor.GetRecovered.Instance, Timeout);
            var recoveredSnapshots = new List<SampleJournalActor.Recovered>();
            for (var i = 0; i < snapshots.Count; i++)
            {
                recoveredSnapshots.Add(await second.ActorOf(SampleJournalActor.Props(SnapshotId(i)))
                    .Ask<SampleJournalActor.Recovered>(SampleJournalActor.GetRecovered.Instance, Timeout));
            }

            return (recovered.Events, recoveredSnapshots);
        }
        finally
        {
            await second.Terminate();
        }
    }

    /// <summary>The snapshots of every recorded strategy run, the risk run and the gateway run, each with an event journaled before and after it.</summary>
    public static IReadOnlyList<(object Before, object State, object After)> SnapshotSamples()
    {
        var samples = new List<(object, object, object)>();
        foreach (var run in RecordedStrategyRuns.All)
        {
            samples.Add((run.Events[0], run.Snapshots[^1].State, run.Events[^1]));
        }

        var risk = RecordedRiskRun.Run;
        samples.Add((risk.Events[0], risk.States.MaxBy(s => s.Restrictions.Length + s.Breakers.Length)!, risk.Events[^1]));
        var venue = RecordedVenueRun.Run;
        samples.Add((venue.Journal[0], venue.Snapshots[^1], venue.Journal[^1]));
        return samples;
    }
}
