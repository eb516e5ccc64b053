using Rari.Domain.Identifiers;
using Rari.Domain.Market;

namespace Rari.Domain.Tests.Market;

public class OrderBookSynchronizerSpecs
{
    private static readonly Symbol Btc = new("BTCUSDT");

    private static DepthSnapshot Snapshot(long lastUpdateId, decimal bid = 100m, decimal ask = 101m) =>
        new(Btc, lastUpdateId, [new(bid, 1m)], [new(ask, 1m)], 0);

    private static DepthUpdate Event(long first, long final, long previousFinal, decimal? bid = null, decimal bidQuantity = 1m) =>
        new(Btc, first, final, previousFinal, bid is null ? [] : [new(bid.Value, bidQuantity)], [], final);

    [Fact]
    public void Should_start_awaiting_a_snapshot_and_buffer_events()
    {
        // arrange
        var sync = new OrderBookSynchronizer(Btc);

        // act
        var result = sync.ApplyUpdate(Event(1, 5, 0));

        // assert
        Assert.Equal(DepthUpdateResult.Buffered, result);
        Assert.Equal(OrderBookSyncState.AwaitingSnapshot, sync.State);
        Assert.Equal(1, sync.BufferedCount);
        Assert.Null(sync.Book.BestBid);
    }

    [Fact]
    public void Should_discard_buffered_events_older_than_the_snapshot_and_apply_the_bridging_one()
    {
        // arrange
        var sync = new OrderBookSynchronizer(Btc);
        sync.ApplyUpdate(Event(1, 5, 0, bid: 90m));      // u < 12: dropped
        sync.ApplyUpdate(Event(6, 11, 5, bid: 91m));     // u < 12: dropped
        sync.ApplyUpdate(Event(12, 14, 11, bid: 92m));   // U ≤ 12 ≤ u: first applied
        sync.ApplyUpdate(Event(15, 20, 14, bid: 93m));   // pu = 14: applied

        // act
        var result = sync.ApplySnapshot(Snapshot(12));

        // assert
        Assert.Equal(new SnapshotResult(OrderBookSyncState.Synced, AppliedEvents: 2, DiscardedEvents: 2, StillBuffered: 0), result);
        Assert.Equal(OrderBookSyncState.Synced, sync.State);
        Assert.Equal(20, sync.Book.LastUpdateId);
        Assert.Equal([new(100m, 1m), new(93m, 1m), new(92m, 1m)], sync.Book.TopLevels(BookSide.Bid, 10));
    }

    [Fact]
    public void Should_apply_an_event_whose_final_id_equals_the_snapshot_id()
    {
        // arrange: u = lastUpdateId is not "older" (only u < lastUpdateId is) and brackets it
        var sync = new OrderBookSynchronizer(Btc);
        sync.ApplyUpdate(Event(8, 12, 7, bid: 99m));

        // act
        var result = sync.ApplySnapshot(Snapshot(12));

        // assert
        Assert.Equal(1, result.AppliedEvents);
        Assert.Equal(12, sync.Book.LastUpdateId);
    }

    [Fact]
    public void Should_discard_live_events_older_than_the_snapshot_before_the_first_is_applied()
    {
        // arrange
        var sync = new OrderBookSynchronizer(Btc);
        sync.ApplySnapshot(Snapshot(50));

        // act
        var old = sync.ApplyUpdate(Event(40, 49, 39, bid: 95m));
        var bridging = sync.ApplyUpdate(Event(50, 55, 49, bid: 96m));

        // assert
        Assert.Equal(DepthUpdateResult.DiscardedAsOld, old);
        Assert.Equal(DepthUpdateResult.Applied, bridging);
        Assert.Equal(55, sync.Book.LastUpdateId);
        Assert.Equal(2, sync.Book.BidLevelCount);
    }

    [Fact]
    public void Should_require_a_resync_when_the_first_event_starts_after_the_snapshot()
    {
        // arrange: updates 13..14 are missing between the snapshot (12) and the stream
        var sync = new OrderBookSynchronizer(Btc);
        sync.ApplyUpdate(Event(15, 20, 14, bid: 93m));

        // act
        var result = sync.ApplySnapshot(Snapshot(12));

        // assert
        Assert.Equal(new SnapshotResult(OrderBookSyncState.NeedsResync, 0, 0, StillBuffered: 1), result);
        Assert.True(result.ResyncRequired);
        Assert.Equal(OrderBookSyncState.NeedsResync, sync.State);
    }

    [Fact]
    public void Should_require_a_resync_when_a_live_first_event_starts_after_the_snapshot()
    {
        // arrange
        var sync = new OrderBookSynchronizer(Btc);
        sync.ApplySnapshot(Snapshot(12));

        // act
        var result = sync.ApplyUpdate(Event(13 + 1, 20, 13));

        // assert
        Assert.Equal(DepthUpdateResult.ResyncRequired, result);
        Assert.Equal(OrderBookSyncState.NeedsResync, sync.State);
        Assert.Equal(1, sync.BufferedCount);
    }

    [Fact]
    public void Should_require_a_resync_when_pu_does_not_match_the_previous_u()
    {
        // arrange
        var sync = new OrderBookSynchronizer(Btc);
        sync.ApplySnapshot(Snapshot(12));
        sync.ApplyUpdate(Event(10, 14, 9, bid: 92m));

        // act
        var ok = sync.ApplyUpdate(Event(15, 18, 14, bid: 93m));
        var gap = sync.ApplyUpdate(Event(21, 25, 20, bid: 94m)); // <-- pu 20 ≠ 18
        var after = sync.ApplyUpdate(Event(26, 30, 25, bid: 95m));

        // assert
        Assert.Equal(DepthUpdateResult.Applied, ok);
        Assert.Equal(DepthUpdateResult.ResyncRequired, gap);
        Assert.Equal(DepthUpdateResult.Buffered, after);
        Assert.Equal(OrderBookSyncState.NeedsResync, sync.State);
        Assert.Equal(2, sync.BufferedCount);
        Assert.Equal(18, sync.Book.LastUpdateId); // stale: nothing past the gap was applied
        Assert.Equal(3, sync.Book.BidLevelCount);
    }

    [Fact]
    public void Should_treat_a_repeated_event_as_a_gap()
    {
        // arrange
        var sync = new OrderBookSynchronizer(Btc);
        sync.ApplySnapshot(Snapshot(12));
        var bridging = Event(10, 14, 9);
        sync.ApplyUpdate(bridging);

        // act
        var result = sync.ApplyUpdate(bridging);

        // assert
        Assert.Equal(DepthUpdateResult.ResyncRequired, result);
    }

    [Fact]
    public void Should_recover_with_a_new_snapshot_after_a_gap()
    {
        // arrange
        var sync = new OrderBookSynchronizer(Btc);
        sync.ApplySnapshot(Snapshot(12));
        sync.ApplyUpdate(Event(10, 14, 9, bid: 92m));
        sync.ApplyUpdate(Event(21, 25, 20, bid: 94m));         // gap → resync, buffered
        sync.ApplyUpdate(Event(26, 30, 25, bid: 95m));         // buffered
        sync.ApplyUpdate(Event(31, 33, 30, bid: 96m));         // buffered

        // act: the new snapshot is at 28, inside the second buffered event
        var result = sync.ApplySnapshot(Snapshot(28, bid: 99m, ask: 102m));
        var live = sync.ApplyUpdate(Event(34, 40, 33, bid: 97m));

        // assert
        Assert.Equal(new SnapshotResult(OrderBookSyncState.Synced, AppliedEvents: 2, DiscardedEvents: 1, StillBuffered: 0), result);
        Assert.Equal(DepthUpdateResult.Applied, live);
        Assert.Equal(40, sync.Book.LastUpdateId);
        Assert.Equal([new(99m, 1m), new(97m, 1m), new(96m, 1m), new(95m, 1m)], sync.Book.TopLevels(BookSide.Bid, 10));
        Assert.Equal(new BookLevel(102m, 1m), sync.Book.BestAsk);
    }

    [Fact]
    public void Should_keep_events_after_a_gap_inside_the_buffer_for_the_next_snapshot()
    {
        // arrange
        var sync = new OrderBookSynchronizer(Btc);
        sync.ApplyUpdate(Event(10, 14, 9, bid: 92m));
        sync.ApplyUpdate(Event(21, 25, 20, bid: 94m)); // pu 20 ≠ 14: gap inside the buffer
        sync.ApplyUpdate(Event(26, 30, 25, bid: 95m));

        // act
        var first = sync.ApplySnapshot(Snapshot(12));
        var second = sync.ApplySnapshot(Snapshot(27));

        // assert
        Assert.Equal(new SnapshotResult(OrderBookSyncState.NeedsResync, AppliedEvents: 1, DiscardedEvents: 0, StillBuffered: 2), first);
        Assert.Equal(new SnapshotResult(OrderBookSyncState.Synced, AppliedEvents: 1, DiscardedEvents: 1, StillBuffered: 0), second);
        Assert.Equal(30, sync.Book.LastUpdateId);
        Assert.Equal([new(100m, 1m), new(95m, 1m)], sync.Book.TopLevels(BookSide.Bid, 10));
    }

    [Fact]
    public void Should_drop_the_oldest_buffered_event_when_the_buffer_is_full()
    {
        // arrange
        var sync = new OrderBookSynchronizer(Btc, maxBufferedEvents: 2);
        sync.ApplyUpdate(Event(1, 5, 0));
        sync.ApplyUpdate(Event(6, 10, 5));

        // act
        sync.ApplyUpdate(Event(11, 15, 10));
        var result = sync.ApplySnapshot(Snapshot(8));

        // assert: with 1..5 gone, 6..10 still brackets 8
        Assert.Equal(new SnapshotResult(OrderBookSyncState.Synced, AppliedEvents: 2, DiscardedEvents: 0, StillBuffered: 0), result);
    }

    [Fact]
    public void Should_restart_from_nothing_on_reset()
    {
        // arrange
        var sync = new OrderBookSynchronizer(Btc);
        sync.ApplySnapshot(Snapshot(12));

        // act
        sync.Reset();

        // assert
        Assert.Equal(OrderBookSyncState.AwaitingSnapshot, sync.State);
        Assert.Null(sync.Book.BestBid);
        Assert.Equal(0, sync.Book.LastUpdateId);
        Assert.Equal(DepthUpdateResult.Buffered, sync.ApplyUpdate(Event(13, 14, 12)));
    }

    [Fact]
    public void Should_refuse_events_for_another_symbol_or_with_bad_levels()
    {
        // arrange
        var sync = new OrderBookSynchronizer(Btc);

        // act + assert
        Assert.Throws<ArgumentException>(() => sync.ApplyUpdate(Event(1, 2, 0) with { Symbol = new Symbol("ETHUSDT") }));
        Assert.Throws<ArgumentException>(() => sync.ApplyUpdate(Event(1, 2, 0, bid: 100m, bidQuantity: -1m)));
        Assert.Equal(0, sync.BufferedCount);
    }

    [Fact]
    public void Should_track_a_random_diff_stream_with_drops_exactly_like_a_reference_book()
    {
        // arrange: an exchange-side book produces a diff stream; some events are lost in transit
        var random = new Random(31337);
        var exchange = new SortedDictionary<decimal, decimal>();
        var sync = new OrderBookSynchronizer(Btc);
        long updateId = 1000;
        var lastEventFinal = updateId;
        var resyncs = 0;

        for (var step = 0; step < 5_000; step++)
        {
            var first = updateId + 1;
            var changes = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => new BookLevel(90m + random.Next(0, 40), random.Next(4) == 0 ? 0m : random.Next(1, 100)))
                .ToArray();
            foreach (var change in changes)
            {
                updateId++;
                if (change.Quantity == 0m)
                {
                    exchange.Remove(change.Price);
                }
                else
                {
                    exchange[change.Price] = change.Quantity;
                }
            }

            var update = new DepthUpdate(Btc, first, updateId, lastEventFinal, changes, [], step);
            lastEventFinal = updateId;
            if (random.Next(100) == 0)
            {
                continue; // lost in transit
            }

            // act
            var result = sync.ApplyUpdate(update);
            if (result == DepthUpdateResult.ResyncRequired || (sync.State == OrderBookSyncState.AwaitingSnapshot && random.Next(5) == 0))
            {
                resyncs += result == DepthUpdateResult.ResyncRequired ? 1 : 0;
                var snapshot = new DepthSnapshot(Btc, updateId, exchange.Select(p => new BookLevel(p.Key, p.Value)).ToArray(), [], step);
                sync.ApplySnapshot(snapshot);
            }

            // assert
            if (sync.State == OrderBookSyncState.Synced)
            {
                Assert.Equal(exchange.Reverse().Select(p => new BookLevel(p.Key, p.Value)), sync.Book.TopLevels(BookSide.Bid, int.MaxValue));
            }
        }

        Assert.InRange(resyncs, 20, 80);
        Assert.Equal(OrderBookSyncState.Synced, sync.State);
    }
}
