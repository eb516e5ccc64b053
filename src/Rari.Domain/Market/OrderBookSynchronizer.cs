using Rari.Domain.Identifiers;

namespace Rari.Domain.Market;

/// <summary>
/// Keeps an <see cref="OrderBook"/> in step with Aster's diff-depth stream by the exchange's rules (aster-api.md
/// §4.4), as a pure state machine: the caller feeds it stream events and REST snapshots and acts on the results
/// (fetch a snapshot when it reports <see cref="DepthUpdateResult.ResyncRequired"/> or is awaiting one).
/// </summary>
/// <remarks>
/// The rules, numbered as in the exchange's procedure:
/// <list type="number">
/// <item>Before a snapshot is loaded, events are buffered.</item>
/// <item>The caller fetches a snapshot (<c>depth</c>, <c>lastUpdateId</c> = L) and passes it to <see cref="ApplySnapshot"/>.</item>
/// <item>Buffered or later events with <c>u</c> &lt; L are discarded.</item>
/// <item>The first event applied must bracket the snapshot: <c>U</c> ≤ L ≤ <c>u</c>. An event with <c>U</c> &gt; L means
/// updates between the snapshot and the stream are missing: resync.</item>
/// <item>After that every event's <c>pu</c> must equal the previous event's <c>u</c>; otherwise the book is out of sync:
/// resync (buffer again and fetch a new snapshot).</item>
/// <item>Quantities are absolute; 0 deletes the level, and deleting an absent level is normal.</item>
/// </list>
/// The buffer is bounded: past <c>maxBufferedEvents</c> the oldest event is dropped, which at worst makes the next
/// snapshot fail rule 4 and ask for another. Not thread-safe: one synchronizer per symbol, owned by one actor.
/// </remarks>
public sealed class OrderBookSynchronizer
{
    /// <summary>Buffer bound used when none is given: minutes of a 100 ms stream, far more than a snapshot fetch takes.</summary>
    public const int DefaultMaxBufferedEvents = 10_000;

    private readonly Queue<DepthUpdate> _buffer = new();
    private readonly int _maxBufferedEvents;
    private readonly OrderBook _book;

    // Whether the first event after the snapshot (the one that must bracket lastUpdateId) has been applied.
    private bool _bridged;

    /// <summary>Creates a synchronizer with an empty book for <paramref name="symbol"/>, awaiting its first snapshot.</summary>
    /// <param name="symbol">The symbol whose book to keep.</param>
    /// <param name="maxBufferedEvents">How many events to hold while waiting for a snapshot.</param>
    public OrderBookSynchronizer(Symbol symbol, int maxBufferedEvents = DefaultMaxBufferedEvents)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBufferedEvents);
        _book = new OrderBook(symbol);
        _maxBufferedEvents = maxBufferedEvents;
    }

    /// <summary>The symbol whose book this keeps.</summary>
    public Symbol Symbol => _book.Symbol;

    /// <summary>Where the synchronizer stands; the book is trustworthy only when <see cref="OrderBookSyncState.Synced"/>.</summary>
    public OrderBookSyncState State { get; private set; } = OrderBookSyncState.AwaitingSnapshot;

    /// <summary>
    /// The book. Read it, do not change it: the synchronizer owns it. While not <see cref="OrderBookSyncState.Synced"/>
    /// it holds the last known (stale) state, or nothing before the first snapshot.
    /// </summary>
    public OrderBook Book => _book;

    /// <summary>Number of events waiting for a snapshot.</summary>
    public int BufferedCount => _buffer.Count;

    /// <summary>Feeds one diff event from the stream and says what was done with it.</summary>
    /// <exception cref="ArgumentException">The event is for another symbol or carries an invalid level.</exception>
    public DepthUpdateResult ApplyUpdate(DepthUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Symbol != Symbol)
        {
            throw new ArgumentException($"A depth event for {update.Symbol} was sent to the {Symbol} book.", nameof(update));
        }

        // Checked on arrival so a bad event is refused at once rather than poisoning the buffer.
        OrderBook.ValidateLevels(update.Bids, nameof(update));
        OrderBook.ValidateLevels(update.Asks, nameof(update));

        if (State != OrderBookSyncState.Synced)
        {
            Buffer(update);
            return DepthUpdateResult.Buffered;
        }

        var result = Sequence(update);
        if (result == DepthUpdateResult.ResyncRequired)
        {
            EnterResync(update);
        }

        return result;
    }

    /// <summary>
    /// Loads a snapshot (rule 2), then applies the buffered events that follow it (rules 3-5). Accepted in any state;
    /// while synced it simply restarts from the new snapshot.
    /// </summary>
    /// <exception cref="ArgumentException">The snapshot is for another symbol or is malformed.</exception>
    public SnapshotResult ApplySnapshot(DepthSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _book.ApplySnapshot(snapshot);
        State = OrderBookSyncState.Synced;
        _bridged = false;

        var applied = 0;
        var discarded = 0;
        while (_buffer.Count > 0)
        {
            var result = Sequence(_buffer.Peek());
            if (result == DepthUpdateResult.ResyncRequired)
            {
                // Keep the offending event and everything after it: the next snapshot may connect to them.
                State = OrderBookSyncState.NeedsResync;
                break;
            }

            _buffer.Dequeue();
            if (result == DepthUpdateResult.Applied)
            {
                applied++;
            }
            else
            {
                discarded++;
            }
        }

        return new SnapshotResult(State, applied, discarded, _buffer.Count);
    }

    /// <summary>
    /// Forgets the book and the buffer and waits for a new snapshot, e.g. after the stream reconnected.
    /// </summary>
    public void Reset()
    {
        _book.Clear();
        _buffer.Clear();
        _bridged = false;
        State = OrderBookSyncState.AwaitingSnapshot;
    }

    // Rules 3-5 for one event against the loaded book; applies it when it follows on.
    private DepthUpdateResult Sequence(DepthUpdate update)
    {
        if (!_bridged)
        {
            var lastUpdateId = _book.LastUpdateId;
            if (update.FinalUpdateId < lastUpdateId)
            {
                return DepthUpdateResult.DiscardedAsOld;
            }

            if (update.FirstUpdateId > lastUpdateId)
            {
                return DepthUpdateResult.ResyncRequired;
            }

            _book.Apply(update);
            _bridged = true;
            return DepthUpdateResult.Applied;
        }

        if (update.PreviousFinalUpdateId != _book.LastUpdateId)
        {
            return DepthUpdateResult.ResyncRequired;
        }

        _book.Apply(update);
        return DepthUpdateResult.Applied;
    }

    private void EnterResync(DepthUpdate update)
    {
        State = OrderBookSyncState.NeedsResync;
        _bridged = false;
        _buffer.Clear();
        Buffer(update);
    }

    private void Buffer(DepthUpdate update)
    {
        if (_buffer.Count == _maxBufferedEvents)
        {
            _buffer.Dequeue();
        }

        _buffer.Enqueue(update);
    }
}
