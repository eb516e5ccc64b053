using System.Globalization;
using Rari.Domain.Identifiers;
using Rari.Domain.Market;
using Rari.TestKit;

namespace Rari.Domain.Tests.Market;

/// <summary>
/// Replays the 46 real Hyperliquid BTC L2 snapshots through an <see cref="OrderBookSynchronizer"/> as an Aster-style
/// diff stream (each snapshot turned into the level changes since the previous one) and checks the local book
/// reproduces every snapshot.
/// </summary>
public class HyperliquidBookReplaySpecs
{
    private static readonly Symbol Btc = new("BTC");

    [Fact]
    public void Should_reproduce_every_recorded_snapshot_from_diffs_without_crossing()
    {
        // arrange
        var snapshots = ReadSnapshots(SharedData.File("orderbook/hyperliquid/BTC-hyperliquid-l2book-20250126.csv"));
        var diffs = new List<DepthUpdate>();
        for (var i = 1; i < snapshots.Count; i++)
        {
            diffs.Add(Diff(snapshots[i - 1], snapshots[i], updateId: i + 1));
        }

        var sync = new OrderBookSynchronizer(Btc);

        // act: two events arrive before the REST snapshot, which is taken at update 2 (the second recorded book)
        var early = diffs.Take(2).Select(sync.ApplyUpdate).ToList();
        var loaded = sync.ApplySnapshot(new DepthSnapshot(Btc, 2, snapshots[1].Bids, snapshots[1].Asks, snapshots[1].TimeMs));

        // assert
        Assert.Equal(46, snapshots.Count);
        Assert.All(snapshots, s => Assert.Equal((20, 20), (s.Bids.Length, s.Asks.Length)));
        Assert.Equal([DepthUpdateResult.Buffered, DepthUpdateResult.Buffered], early);
        Assert.Equal(new SnapshotResult(OrderBookSyncState.Synced, AppliedEvents: 2, DiscardedEvents: 0, StillBuffered: 0), loaded);
        AssertBookEquals(snapshots[2], sync.Book);

        for (var i = 2; i < diffs.Count; i++)
        {
            var result = sync.ApplyUpdate(diffs[i]);

            Assert.Equal(DepthUpdateResult.Applied, result);
            AssertBookEquals(snapshots[i + 1], sync.Book);
        }

        Assert.Equal(46, sync.Book.LastUpdateId);
        Assert.Equal(new BookLevel(105055m, 3.03622m), snapshots[0].Bids[0]);
        Assert.Equal(new BookLevel(105056m, 6.34472m), snapshots[0].Asks[0]);
    }

    private static void AssertBookEquals(RecordedBook expected, OrderBook book)
    {
        Assert.Equal(expected.Bids[0], book.BestBid);
        Assert.Equal(expected.Asks[0], book.BestAsk);
        Assert.False(book.IsCrossed);
        Assert.True(book.Spread > 0m);
        Assert.Equal(expected.Bids, book.TopLevels(BookSide.Bid, int.MaxValue));
        Assert.Equal(expected.Asks, book.TopLevels(BookSide.Ask, int.MaxValue));
    }

    private static DepthUpdate Diff(RecordedBook before, RecordedBook after, long updateId) =>
        new(Btc, updateId, updateId, updateId - 1, Changes(before.Bids, after.Bids), Changes(before.Asks, after.Asks), after.TimeMs);

    // Removed levels become quantity 0; new or changed levels carry their new absolute quantity.
    private static BookLevel[] Changes(BookLevel[] before, BookLevel[] after)
    {
        var next = after.ToDictionary(l => l.Price, l => l.Quantity);
        var removed = before.Where(l => !next.ContainsKey(l.Price)).Select(l => l with { Quantity = 0m });
        var changed = after.Where(l => !before.Contains(l));
        return removed.Concat(changed).ToArray();
    }

    private static List<RecordedBook> ReadSnapshots(string path)
    {
        // time_ms,local_recv_ns,side,level,price,qty,orders — one snapshot per local_recv_ns, level 0 = best
        return File.ReadLines(path)
            .Skip(1)
            .Select(line => line.Split(','))
            .GroupBy(f => f[1])
            .Select(g => new RecordedBook(
                long.Parse(g.First()[0], CultureInfo.InvariantCulture),
                Side(g, "bid"),
                Side(g, "ask")))
            .ToList();

        static BookLevel[] Side(IEnumerable<string[]> rows, string side) => rows
            .Where(f => f[2] == side)
            .OrderBy(f => int.Parse(f[3], CultureInfo.InvariantCulture))
            .Select(f => new BookLevel(decimal.Parse(f[4], CultureInfo.InvariantCulture), decimal.Parse(f[5], CultureInfo.InvariantCulture)))
            .ToArray();
    }

    private sealed record RecordedBook(long TimeMs, BookLevel[] Bids, BookLevel[] Asks);
}
