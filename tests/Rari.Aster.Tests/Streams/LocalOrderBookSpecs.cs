using System.Collections.Concurrent;
using Rari.Aster.Streams;
using Rari.Aster.Tests.Support;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Aster.Tests.Streams;

public sealed class LocalOrderBookSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");

    [Fact]
    public async Task Should_keep_the_book_equal_to_the_rest_snapshot_and_resync_after_a_lost_connection()
    {
        // arrange
        await using var sim = await SimulatorHost.StartAsync();
        using var rest = sim.RestClient();
        await using var stream = new AsterMarketStream(sim.MarketOptions());
        using var book = LocalOrderBook.FromRest(rest, Btc);
        stream.Start();
        await stream.SubscribeAsync([StreamNames.Depth(Btc)]);
        using var stop = new CancellationTokenSource();
        var pump = Task.Run(async () =>
        {
            await foreach (var e in stream.ReadAllAsync(stop.Token))
            {
                book.Handle(e);
            }
        });

        // act: sync, follow five bars, lose the connection, follow three more
        await sim.StepAsync();
        await book.WaitUntilSyncedAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await sim.StepAsync(5);
        await WaitUntil(() => book.LastUpdateId == 7);
        var afterFive = await Compare(rest, book);
        await sim.DropStreamsAsync();
        await WaitUntil(() => !book.IsSynced);
        await WaitUntil(() => stream.ConnectionsOpened == 2);
        await Task.Delay(200);
        await sim.StepAsync(3);
        await WaitUntil(() => book.IsSynced && book.LastUpdateId == 10);
        var afterGap = await Compare(rest, book);
        await stop.CancelAsync();
        await Record.ExceptionAsync(() => pump);

        // assert
        Assert.Equal((7L, 1000, 1000, true, true), afterFive);
        Assert.Equal((10L, 1000, 1000, true, true), afterGap);
        Assert.Equal(1, book.Resyncs);
        Assert.Equal(2, book.SnapshotsApplied);
    }

    [Fact]
    public async Task Should_fetch_a_snapshot_once_an_event_is_buffered_and_apply_the_events_that_follow_it()
    {
        // arrange
        var source = new SnapshotSource();
        using var book = new LocalOrderBook(Btc, source.FetchAsync) { ResnapshotDelay = TimeSpan.FromMilliseconds(10) };
        source.Next = Snapshot(2, bid: (100m, 1m), ask: (101m, 1m));

        // act
        book.Apply(Diff(2, 2, 1, bid: (100m, 2m)));
        book.Apply(Diff(3, 3, 2, bid: (99m, 5m)));
        await book.WaitUntilSyncedAsync().WaitAsync(TimeSpan.FromSeconds(5));
        book.Apply(Diff(4, 4, 3, ask: (101m, 0m)));

        // assert
        Assert.Equal(1, source.Calls);
        Assert.Equal(OrderBookSyncState.Synced, book.State);
        Assert.Equal(4, book.LastUpdateId);
        Assert.Equal([new BookLevel(100m, 2m), new BookLevel(99m, 5m)], book.TopLevels(BookSide.Bid, 10));
        Assert.Empty(book.TopLevels(BookSide.Ask, 10));
    }

    [Fact]
    public async Task Should_resync_on_a_gap_in_the_diff_stream()
    {
        // arrange
        var source = new SnapshotSource { Next = Snapshot(1, bid: (100m, 1m), ask: (101m, 1m)) };
        using var book = new LocalOrderBook(Btc, source.FetchAsync) { ResnapshotDelay = TimeSpan.FromMilliseconds(10) };
        book.Apply(Diff(1, 1, 0, bid: (100m, 3m)));
        await book.WaitUntilSyncedAsync().WaitAsync(TimeSpan.FromSeconds(5));
        source.Next = Snapshot(9, bid: (98m, 4m), ask: (102m, 2m));

        // act: update 8 follows 7, which never came
        book.Apply(Diff(8, 8, 7, bid: (97m, 1m)));
        var during = book.State;
        book.Apply(Diff(9, 9, 8, ask: (103m, 6m)));
        await book.WaitUntilSyncedAsync().WaitAsync(TimeSpan.FromSeconds(5));
        book.Apply(Diff(10, 10, 9, bid: (98m, 0m)));

        // assert
        Assert.NotEqual(OrderBookSyncState.Synced, during);
        Assert.Equal(1, book.Resyncs);
        Assert.Equal(2, source.Calls);
        Assert.Equal(10, book.LastUpdateId);
        Assert.Empty(book.TopLevels(BookSide.Bid, 10));
        Assert.Equal([new BookLevel(102m, 2m), new BookLevel(103m, 6m)], book.TopLevels(BookSide.Ask, 10));
    }

    [Fact]
    public async Task Should_fetch_again_when_a_snapshot_fails_or_does_not_reach_the_buffered_events()
    {
        // arrange: the first fetch fails, the second is older than the stream, the third connects
        var source = new SnapshotSource();
        source.Queue.Enqueue(null);
        source.Queue.Enqueue(Snapshot(3, bid: (100m, 1m), ask: (101m, 1m)));
        source.Queue.Enqueue(Snapshot(6, bid: (100m, 2m), ask: (101m, 2m)));
        using var book = new LocalOrderBook(Btc, source.FetchAsync) { ResnapshotDelay = TimeSpan.FromMilliseconds(10) };

        // act
        book.Apply(Diff(6, 6, 5, bid: (99m, 1m)));
        await book.WaitUntilSyncedAsync().WaitAsync(TimeSpan.FromSeconds(5));

        // assert
        Assert.Equal(3, source.Calls);
        Assert.Equal(2, book.SnapshotsApplied);
        Assert.Equal(6, book.LastUpdateId);
        Assert.Equal([new BookLevel(100m, 2m), new BookLevel(99m, 1m)], book.TopLevels(BookSide.Bid, 10));
    }

    [Fact]
    public void Should_ignore_other_symbols_and_restart_only_after_a_lost_connection()
    {
        // arrange
        using var book = new LocalOrderBook(Btc, (_, _) => new TaskCompletionSource<DepthSnapshot>().Task);

        // act
        var other = book.Handle(new MarketData<DepthUpdate>("ethusdt@depth", Diff(1, 1, 0) with { Symbol = new Symbol("ETHUSDT") }, 1));
        var planned = book.Handle(new StreamConnected(2, StreamConnectReason.Planned, 1));
        var lost = book.Handle(new StreamConnected(2, StreamConnectReason.Reconnect, 1));
        var own = book.Handle(new MarketData<DepthUpdate>("btcusdt@depth", Diff(1, 1, 0), 1));

        // assert
        Assert.Equal((false, false, true, true), (other, planned, lost, own));
        Assert.Equal(OrderBookSyncState.AwaitingSnapshot, book.State);
    }

    private static async Task<(long UpdateId, int Bids, int Asks, bool BidsEqual, bool AsksEqual)> Compare(Rari.Aster.Rest.AsterRestClient rest, LocalOrderBook book)
    {
        var snapshot = await rest.GetDepthAsync(Btc, 1000);
        var bids = book.TopLevels(BookSide.Bid, 2000);
        var asks = book.TopLevels(BookSide.Ask, 2000);
        return (book.LastUpdateId, bids.Count, asks.Count, bids.SequenceEqual(snapshot.Bids), asks.SequenceEqual(snapshot.Asks));
    }

    private static async Task WaitUntil(Func<bool> condition, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(20);
        }
    }

    private static DepthSnapshot Snapshot(long id, (decimal, decimal) bid, (decimal, decimal) ask) =>
        new(Btc, id, [new BookLevel(bid.Item1, bid.Item2)], [new BookLevel(ask.Item1, ask.Item2)], 0);

    private static DepthUpdate Diff(long first, long final, long previous, (decimal, decimal)? bid = null, (decimal, decimal)? ask = null) =>
        new(Btc, first, final, previous,
            bid is { } b ? [new BookLevel(b.Item1, b.Item2)] : [],
            ask is { } a ? [new BookLevel(a.Item1, a.Item2)] : [],
            0);

    /// <summary>Hands out scripted snapshots: the queued ones first (null = a failed fetch), then <see cref="Next"/>.</summary>
    private sealed class SnapshotSource
    {
        private int _calls;

        public ConcurrentQueue<DepthSnapshot?> Queue { get; } = new();

        public DepthSnapshot? Next { get; set; }

        public int Calls => Volatile.Read(ref _calls);

        public Task<DepthSnapshot> FetchAsync(Symbol symbol, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            var snapshot = Queue.TryDequeue(out var queued) ? queued : Next;
            return snapshot is null ? Task.FromException<DepthSnapshot>(new HttpRequestException("scripted failure")) : Task.FromResult(snapshot);
        }
    }
}
