using Akka.Actor;
using Akka.Persistence;

namespace Rari.Actors.Tests.Support;

/// <summary>
/// A persistent actor for persistence specs: journals whatever it is given with <c>PersistAll</c>, saves a snapshot on
/// request, and reports what it recovered (the latest snapshot and the events after it) — the round trip every
/// persistent actor of the trader makes through the configured journal, serializer and snapshot store.
/// </summary>
public sealed class SampleJournalActor : ReceivePersistentActor
{
    private readonly List<object> _recovered = [];
    private object? _snapshot;
    private long? _snapshotSequenceNr;
    private IActorRef? _snapshotRequester;

    private readonly bool _replayAll;

    /// <summary>Creates the actor; it recovers from the latest snapshot.</summary>
    public SampleJournalActor(string persistenceId)
        : this(persistenceId, replayAll: false)
    {
    }

    /// <summary>Creates the actor; with <paramref name="replayAll"/> it ignores snapshots and replays the whole journal.</summary>
    public SampleJournalActor(string persistenceId, bool replayAll)
    {
        PersistenceId = persistenceId;
        _replayAll = replayAll;
        Recover<SnapshotOffer>(offer =>
        {
            _snapshot = offer.Snapshot;
            _snapshotSequenceNr = offer.Metadata.SequenceNr;
        });
        Recover<RecoveryCompleted>(_ => { });
        Recover<object>(evt => _recovered.Add(evt));
        Command<JournalEvents>(command =>
        {
            var replyTo = Sender;
            PersistAll(command.Events, _ => { });
            DeferAsync(command, _ => replyTo.Tell(new Journaled(LastSequenceNr)));
        });
        Command<TakeSnapshot>(command =>
        {
            _snapshotRequester = Sender;
            SaveSnapshot(command.State);
        });
        Command<SaveSnapshotSuccess>(success => _snapshotRequester?.Tell(new SnapshotTaken(success.Metadata.SequenceNr)));
        Command<SaveSnapshotFailure>(failure => _snapshotRequester?.Tell(new Status.Failure(failure.Cause)));
        Command<GetRecovered>(_ => Sender.Tell(new Recovered(_recovered, _snapshot, _snapshotSequenceNr)));
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    /// <inheritdoc />
    public override Recovery Recovery => _replayAll ? new Recovery(SnapshotSelectionCriteria.None) : base.Recovery;

    /// <summary>The actor's props.</summary>
    public static Props Props(string persistenceId) => Akka.Actor.Props.Create(() => new SampleJournalActor(persistenceId));

    /// <summary>The props of an actor that reads every event of <paramref name="persistenceId"/>'s journal, from the first, ignoring snapshots.</summary>
    public static Props ReplayAll(string persistenceId) => Akka.Actor.Props.Create(() => new SampleJournalActor(persistenceId, true));

    /// <summary>Journal these events in one <c>PersistAll</c>; answered with <see cref="Journaled"/> once all are written.</summary>
    public sealed record JournalEvents(IReadOnlyList<object> Events);

    /// <summary>The events are written; the last has <paramref name="SequenceNr"/>.</summary>
    public sealed record Journaled(long SequenceNr);

    /// <summary>Save <paramref name="State"/> as the snapshot at the current sequence number; answered with <see cref="SnapshotTaken"/>.</summary>
    public sealed record TakeSnapshot(object State);

    /// <summary>The snapshot is saved.</summary>
    public sealed record SnapshotTaken(long SequenceNr);

    /// <summary>Asks what recovery delivered; answered with <see cref="Recovered"/>.</summary>
    public sealed record GetRecovered
    {
        /// <summary>The one instance.</summary>
        public static GetRecovered Instance { get; } = new();
    }

    /// <summary>What recovery delivered: the latest snapshot (if any) and the events journaled after it, in order.</summary>
    public sealed record Recovered(IReadOnlyList<object> Events, object? Snapshot, long? SnapshotSequenceNr);
}
