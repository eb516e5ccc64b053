using Akka.Actor;
using Akka.Persistence;

namespace Rari.Node.Benchmarks;

/// <summary>
/// A persistent actor for the journal and recovery benchmarks: journals batches with <c>PersistAll</c>, as the strategy
/// actors journal a decision's events, snapshots every <c>snapshotEvery</c> events, and on start reports how long its
/// recovery took and how many events it replayed. It folds replayed events by counting them: the figure is the
/// journal's and the serializer's, not a strategy's <c>Apply</c>.
/// </summary>
internal sealed class JournalActor : ReceivePersistentActor
{
    private readonly long _startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
    private readonly int _snapshotEvery;
    private readonly object _snapshotState;
    private readonly bool _useSnapshots;
    private long _replayed;
    private bool _snapshotOffered;
    private TimeSpan _recoveredIn;
    private long _sinceSnapshot;
    private int _pendingSnapshots;
    private (IActorRef ReplyTo, long SequenceNr)? _waiting;

    /// <summary>Creates the actor.</summary>
    public JournalActor(string persistenceId, int snapshotEvery, object snapshotState, bool useSnapshots)
    {
        PersistenceId = persistenceId;
        _snapshotEvery = snapshotEvery;
        _snapshotState = snapshotState;
        _useSnapshots = useSnapshots;
        Recover<SnapshotOffer>(_ => _snapshotOffered = true);
        Recover<RecoveryCompleted>(_ => _recoveredIn = System.Diagnostics.Stopwatch.GetElapsedTime(_startedAt));
        RecoverAny(_ => _replayed++);
        Command<Write>(write =>
        {
            var replyTo = Sender;
            foreach (var batch in write.Batches)
            {
                PersistAll(batch, _ =>
                {
                    if (_snapshotEvery > 0 && ++_sinceSnapshot >= _snapshotEvery)
                    {
                        _sinceSnapshot = 0;
                        _pendingSnapshots++;
                        SaveSnapshot(_snapshotState);
                    }
                });
            }

            // Answered once the events and the snapshots they called for are written, as a restart would find them.
            DeferAsync(write, _ =>
            {
                _waiting = (replyTo, LastSequenceNr);
                ReplyWhenSnapshotsWritten();
            });
        });
        Command<GetRecovery>(_ => Sender.Tell(new Recovered(_recoveredIn, _replayed, _snapshotOffered, LastSequenceNr)));
        Command<SaveSnapshotSuccess>(_ =>
        {
            _pendingSnapshots--;
            ReplyWhenSnapshotsWritten();
        });
        Command<SaveSnapshotFailure>(failure => throw new InvalidOperationException("A snapshot failed.", failure.Cause));
    }

    /// <inheritdoc />
    public override string PersistenceId { get; }

    private void ReplyWhenSnapshotsWritten()
    {
        if (_pendingSnapshots == 0 && _waiting is { } waiting)
        {
            waiting.ReplyTo.Tell(new Written(waiting.SequenceNr));
            _waiting = null;
        }
    }

    /// <inheritdoc />
    public override Recovery Recovery => _useSnapshots ? base.Recovery : new Recovery(SnapshotSelectionCriteria.None);

    /// <summary>The props.</summary>
    public static Props Props(string persistenceId, int snapshotEvery, object snapshotState, bool useSnapshots = true) =>
        Akka.Actor.Props.Create(() => new JournalActor(persistenceId, snapshotEvery, snapshotState, useSnapshots));

    /// <summary>Journal these batches, one <c>PersistAll</c> each; answered with <see cref="Written"/>.</summary>
    public sealed record Write(IReadOnlyList<IReadOnlyList<object>> Batches);

    /// <summary>Everything was journaled up to <paramref name="SequenceNr"/>.</summary>
    public sealed record Written(long SequenceNr);

    /// <summary>Asks how the recovery went; answered with <see cref="Recovered"/>.</summary>
    public sealed record GetRecovery
    {
        /// <summary>The one instance.</summary>
        public static GetRecovery Instance { get; } = new();
    }

    /// <summary>How the recovery went.</summary>
    public sealed record Recovered(TimeSpan Elapsed, long EventsReplayed, bool FromSnapshot, long SequenceNr);
}
