using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rari.Aster.Models;
using Rari.Aster.Rest;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Streams;

/// <summary>
/// One symbol's order book kept from the diff-depth stream (<see cref="StreamNames.Depth"/>) by the exchange's
/// procedure (fact sheet §4.4): diff events are buffered, a REST snapshot is fetched once the first event is buffered,
/// the domain's <see cref="OrderBookSynchronizer"/> applies the snapshot and the events that follow it, and a gap
/// (<c>pu</c> ≠ the previous <c>u</c>, or a reconnect) starts the procedure again.
/// </summary>
/// <remarks>
/// <para>The snapshot is fetched after an event is buffered, not before, so the first event can bracket it
/// (<c>U ≤ lastUpdateId ≤ u</c>). When the snapshot does not connect to the buffered events, another is fetched after
/// <see cref="ResnapshotDelay"/>; a failed fetch is retried after the same delay.</para>
/// <para>Thread-safe: feed it from the stream consumer and read it from anywhere; <see cref="Read{T}"/> runs under the
/// book's lock.</para>
/// </remarks>
public sealed class LocalOrderBook : IDisposable
{
    private readonly Func<Symbol, CancellationToken, Task<DepthSnapshot>> _fetchSnapshot;
    private readonly OrderBookSynchronizer _synchronizer;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _fetching;
    private int _snapshots;
    private int _resyncs;

    /// <summary>Creates a book that fetches its snapshots with <paramref name="fetchSnapshot"/>.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <param name="fetchSnapshot">Fetches a REST depth snapshot.</param>
    /// <param name="loggerFactory">Where resyncs and failed fetches are logged.</param>
    /// <param name="time">The clock for retry delays; <see cref="TimeProvider.System"/> when null.</param>
    public LocalOrderBook(
        Symbol symbol, Func<Symbol, CancellationToken, Task<DepthSnapshot>> fetchSnapshot, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(fetchSnapshot);
        _fetchSnapshot = fetchSnapshot;
        _synchronizer = new OrderBookSynchronizer(symbol);
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LocalOrderBook>();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The pause before another snapshot when one did not connect to the stream or failed.</summary>
    public TimeSpan ResnapshotDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The symbol.</summary>
    public Symbol Symbol => _synchronizer.Symbol;

    /// <summary>
    /// Where the book stands: <see cref="OrderBookSyncState.Synced"/> when it matches the venue, otherwise awaiting a
    /// snapshot or resyncing (then it holds the last known, stale state).
    /// </summary>
    public OrderBookSyncState State
    {
        get
        {
            lock (_gate)
            {
                return _synchronizer.State;
            }
        }
    }

    /// <summary>Whether the book matches the venue as of <see cref="LastUpdateId"/>.</summary>
    public bool IsSynced => State == OrderBookSyncState.Synced;

    /// <summary>The book update id the book is at.</summary>
    public long LastUpdateId => Read(book => book.LastUpdateId);

    /// <summary>How many snapshots were applied.</summary>
    public int SnapshotsApplied => Volatile.Read(ref _snapshots);

    /// <summary>How many times the book lost step with the stream (gap or reconnect) after being synced.</summary>
    public int Resyncs => Volatile.Read(ref _resyncs);

    /// <summary>A book whose snapshots come from <paramref name="rest"/>'s <c>depth</c> endpoint.</summary>
    /// <param name="rest">The REST client.</param>
    /// <param name="symbol">The symbol.</param>
    /// <param name="depthLimit">Snapshot levels per side: 5 … 1000 (weight 20 at 1000).</param>
    /// <param name="loggerFactory">Where resyncs and failed fetches are logged.</param>
    /// <param name="time">The clock for retry delays.</param>
    public static LocalOrderBook FromRest(AsterRestClient rest, Symbol symbol, int depthLimit = 1000, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(rest);
        return new LocalOrderBook(
            symbol,
            async (s, ct) => (await rest.GetDepthAsync(s, depthLimit, ct).ConfigureAwait(false)).ToDepthSnapshot(s),
            loggerFactory,
            time);
    }

    /// <summary>
    /// Feeds one event of an <see cref="AsterMarketStream"/>: this symbol's diff-depth updates are applied, and a
    /// <see cref="StreamConnected"/> after a lost connection starts a resync (events were missed). Other events are
    /// ignored; returns whether the event concerned this book.
    /// </summary>
    public bool Handle(MarketStreamEvent streamEvent) => streamEvent switch
    {
        MarketData<DepthUpdate> depth when depth.Data.Symbol == Symbol => Apply(depth.Data),
        StreamConnected { Reason: StreamConnectReason.Reconnect } => Restart(),
        _ => false,
    };

    /// <summary>Applies one diff-depth event, fetching a snapshot when the book needs one.</summary>
    /// <exception cref="ArgumentException">The event is for another symbol or carries an invalid level.</exception>
    public bool Apply(DepthUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            var wasSynced = _synchronizer.State == OrderBookSyncState.Synced;
            var result = _synchronizer.ApplyUpdate(update);
            if (result == DepthUpdateResult.ResyncRequired && wasSynced)
            {
                Interlocked.Increment(ref _resyncs);
                BookLog.Gap(_logger, Symbol.Value, update.PreviousFinalUpdateId, _synchronizer.Book.LastUpdateId);
                _synced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            if (_synchronizer.State != OrderBookSyncState.Synced && !_fetching)
            {
                _fetching = true;
                _ = Task.Run(() => FetchAsync(_stop.Token), CancellationToken.None);
            }
        }

        return true;
    }

    /// <summary>Forgets the book and waits for the next event to start over (after a reconnect).</summary>
    public bool Restart()
    {
        lock (_gate)
        {
            if (_synchronizer.State == OrderBookSyncState.Synced)
            {
                Interlocked.Increment(ref _resyncs);
                _synced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _synchronizer.Reset();
        }

        return true;
    }

    /// <summary>Reads the book under its lock; do not keep the book beyond the call.</summary>
    public T Read<T>(Func<OrderBook, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            return read(_synchronizer.Book);
        }
    }

    /// <summary>A copy of up to <paramref name="maxLevels"/> levels of one side, best first.</summary>
    public IReadOnlyList<BookLevel> TopLevels(BookSide side, int maxLevels) => Read(book => book.TopLevels(side, maxLevels));

    /// <summary>Completes when the book is synced (at once if it is).</summary>
    public Task WaitUntilSyncedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _synchronizer.State == OrderBookSyncState.Synced ? Task.CompletedTask : _synced.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stops fetching snapshots.</summary>
    /// <remarks>The token source is cancelled, not disposed: a fetch still on its way may yet observe it.</remarks>
    public void Dispose() => _stop.Cancel();

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            DepthSnapshot? snapshot = null;
            try
            {
                snapshot = await _fetchSnapshot(Symbol, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                BookLog.FetchFailed(_logger, Symbol.Value, e.Message);
            }

            lock (_gate)
            {
                if (_synchronizer.State == OrderBookSyncState.Synced)
                {
                    _fetching = false;
                    return;
                }

                if (snapshot is not null && _synchronizer.BufferedCount > 0)
                {
                    var result = _synchronizer.ApplySnapshot(snapshot);
                    Interlocked.Increment(ref _snapshots);
                    if (!result.ResyncRequired)
                    {
                        _fetching = false;
                        BookLog.Synced(_logger, Symbol.Value, _synchronizer.Book.LastUpdateId, result.AppliedEvents, result.DiscardedEvents);
                        _synced.TrySetResult();
                        return;
                    }
                }
                else if (snapshot is not null)
                {
                    // Reset by a reconnect while the snapshot was on its way: wait for the next event to fetch again.
                    _fetching = false;
                    return;
                }
            }

            try
            {
                await Task.Delay(ResnapshotDelay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>The local order book's log messages.</summary>
internal static partial class BookLog
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "{Symbol} book synced at update {UpdateId} ({Applied} buffered events applied, {Discarded} discarded)")]
    public static partial void Synced(ILogger logger, string symbol, long updateId, int applied, int discarded);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "{Symbol} book lost step: an event follows {PreviousUpdateId} but the book is at {UpdateId}; resyncing")]
    public static partial void Gap(ILogger logger, string symbol, long previousUpdateId, long updateId);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Warning, Message = "{Symbol} book: snapshot fetch failed ({Reason}); retrying")]
    public static partial void FetchFailed(ILogger logger, string symbol, string reason);
}
