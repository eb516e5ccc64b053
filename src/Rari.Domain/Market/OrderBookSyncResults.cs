namespace Rari.Domain.Market;

/// <summary>Where an <see cref="OrderBookSynchronizer"/> stands with the exchange's book.</summary>
public enum OrderBookSyncState : byte
{
    /// <summary>No snapshot yet: diff events are buffered; fetch a <c>depth</c> snapshot.</summary>
    AwaitingSnapshot = 1,

    /// <summary>The book matches the exchange as of <see cref="OrderBook.LastUpdateId"/> and diff events apply in order.</summary>
    Synced = 2,

    /// <summary>A gap was seen: the book is stale, events are buffered again, and a new snapshot must be fetched.</summary>
    NeedsResync = 3,
}

/// <summary>What <see cref="OrderBookSynchronizer.ApplyUpdate"/> did with one diff event.</summary>
public enum DepthUpdateResult : byte
{
    /// <summary>Kept for the coming snapshot (state <see cref="OrderBookSyncState.AwaitingSnapshot"/> or <see cref="OrderBookSyncState.NeedsResync"/>).</summary>
    Buffered = 1,

    /// <summary>Applied to the book, which is now at the event's final update id.</summary>
    Applied = 2,

    /// <summary>Dropped: it ends before the snapshot's <c>lastUpdateId</c>, so the snapshot already contains it.</summary>
    DiscardedAsOld = 3,

    /// <summary>
    /// A gap: the event does not follow on from the book (no <c>U ≤ lastUpdateId ≤ u</c> bracket for the first event,
    /// or <c>pu</c> ≠ the previous <c>u</c>). The state is now <see cref="OrderBookSyncState.NeedsResync"/>, the event
    /// is buffered, and the caller must fetch a new snapshot.
    /// </summary>
    ResyncRequired = 4,
}

/// <summary>What <see cref="OrderBookSynchronizer.ApplySnapshot"/> did: the resulting state and what happened to the buffered events.</summary>
/// <param name="State">
/// <see cref="OrderBookSyncState.Synced"/>, or <see cref="OrderBookSyncState.NeedsResync"/> when the buffered events
/// show the snapshot does not connect to the stream (fetch another).
/// </param>
/// <param name="AppliedEvents">Buffered events applied on top of the snapshot.</param>
/// <param name="DiscardedEvents">Buffered events dropped because the snapshot already contains them.</param>
/// <param name="StillBuffered">Events left in the buffer (non-zero only when a resync is needed).</param>
public readonly record struct SnapshotResult(OrderBookSyncState State, int AppliedEvents, int DiscardedEvents, int StillBuffered)
{
    /// <summary>True when another snapshot must be fetched.</summary>
    public bool ResyncRequired => State == OrderBookSyncState.NeedsResync;
}
