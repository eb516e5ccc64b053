using System.Collections.Immutable;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Rari.Actors.MarketData;
using Xunit.Abstractions;

namespace Rari.Actors.Tests.MarketData;

/// <summary>
/// The per-key conflation: its buffer's rules without a clock, and the stage in plain graphs (Source.From /
/// Source.Queue into Sink.Seq).
/// </summary>
public sealed class SymbolConflationSpecs(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit("akka.loglevel = INFO", output)
{
    [Fact]
    public void Should_keep_every_unkeyed_item_in_order_and_only_the_latest_of_each_key()
    {
        // arrange
        var buffer = new ConflatingBuffer<Item, char>(KeyOf, minIntervalMs: 0);
        Item[] items = [Bar(1), Tick('a', 1), Tick('a', 2), Bar(2), Tick('b', 1), Tick('a', 3), Bar(3), Tick('b', 2)];

        // act
        foreach (var item in items)
        {
            buffer.Add(item, nowMs: 0);
        }

        var taken = TakeAll(buffer, nowMs: 0);

        // assert: each key keeps its first place with its latest value
        Assert.Equal([Bar(1), Tick('a', 3), Bar(2), Tick('b', 2), Bar(3)], taken);
        Assert.Equal(3, buffer.Conflated);
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void Should_hold_a_key_back_until_its_interval_passed_without_holding_up_what_follows()
    {
        // arrange
        var buffer = new ConflatingBuffer<Item, char>(KeyOf, minIntervalMs: 100);
        buffer.Add(Tick('a', 1), nowMs: 0);
        var first = TakeAll(buffer, nowMs: 0);

        // act
        buffer.Add(Tick('a', 2), nowMs: 10);
        buffer.Add(Bar(1), nowMs: 20);
        buffer.Add(Tick('a', 3), nowMs: 50);
        var early = TakeAll(buffer, nowMs: 60);
        var due = buffer.NextDueMs();
        var late = TakeAll(buffer, nowMs: 100);

        // assert
        Assert.Equal([Tick('a', 1)], first);
        Assert.Equal([Bar(1)], early); // <-- the bar is not held behind the paced tick
        Assert.Equal(100, due);
        Assert.Equal([Tick('a', 3)], late);
        Assert.Null(buffer.NextDueMs());
    }

    [Fact]
    public void Should_let_every_item_go_when_the_stream_finishes_whatever_the_interval()
    {
        // arrange
        var buffer = new ConflatingBuffer<Item, char>(KeyOf, minIntervalMs: 1_000);
        buffer.Add(Tick('a', 1), 0);
        TakeAll(buffer, 0);
        buffer.Add(Tick('a', 2), 1);
        buffer.Add(Bar(1), 2);

        // act
        var flushed = new List<Item>();
        while (buffer.TryTake(3, out var item, ignorePacing: true))
        {
            flushed.Add(item);
        }

        // assert
        Assert.Equal([Tick('a', 2), Bar(1)], flushed);
        Assert.Equal(0, buffer.KeptCount);
    }

    [Fact]
    public async Task Should_pass_every_bar_and_only_the_latest_ticks_in_a_graph_whose_interval_has_not_passed()
    {
        // arrange: an interval no spec outlives; the source's end lets the held tick go
        Item[] items = [Tick('a', 1), Tick('a', 2), Bar(1), Tick('b', 1), Tick('a', 3), Bar(2), Tick('b', 2)];
        var flow = SymbolConflation.Create<Item, char>(KeyOf, TimeSpan.FromHours(1));

        // act
        var result = await Source.From(items).Via(flow).RunWith(Sink.Seq<Item>(), Sys.Materializer());

        // assert
        Assert.Equal([Tick('a', 1), Bar(1), Tick('b', 1), Bar(2), Tick('a', 3), Tick('b', 2)], result);
    }

    [Fact]
    public async Task Should_conflate_the_ticks_that_wait_for_a_lagging_consumer_and_deliver_every_bar()
    {
        // arrange
        var flow = SymbolConflation.Create<Item, char>(KeyOf, TimeSpan.Zero);

        // act
        var delivered = await BehindALaggingConsumerAsync(flow, LaggedItems);

        // assert
        Assert.Equal([Bar(1), Tick('a', 3), Bar(2), Tick('b', 2), Bar(3), Bar(4)], delivered);
    }

    [Fact]
    public async Task Should_fail_downstream_when_upstream_fails()
    {
        // arrange
        var failing = Source.From([Bar(1)]).Concat(Source.Failed<Item>(new InvalidOperationException("socket gone")));

        // act
        var error = await Record.ExceptionAsync(() =>
            failing.Via(SymbolConflation.Create<Item, char>(KeyOf, TimeSpan.Zero)).RunWith(Sink.Seq<Item>(), Sys.Materializer()));

        // assert
        Assert.Equal("socket gone", Assert.IsType<InvalidOperationException>(error).Message);
    }

    [Fact]
    public async Task Should_hand_a_lagging_consumer_what_waited_as_one_batch_in_order_with_the_ticks_conflated()
    {
        // arrange
        var flow = SymbolConflation.CreateBatched<Item, char>(KeyOf, TimeSpan.Zero, capacity: 64, maxBatch: 64);

        // act
        var batches = await BehindALaggingConsumerAsync(flow, LaggedItems);

        // assert: the first item went alone; what waited came as one batch, each key once with its latest value
        Assert.Equal([Bar(1)], batches[0]);
        Assert.Equal([Tick('a', 3), Bar(2), Tick('b', 2), Bar(3), Bar(4)], batches[1]);
        Assert.Equal(2, batches.Count);
    }

    [Fact]
    public async Task Should_split_what_waits_into_batches_of_at_most_the_bound_and_lose_nothing_between_them()
    {
        // arrange: 1,000 bars and ticks of three keys for a consumer that holds each batch for a moment
        var items = new List<Item>();
        for (var n = 0; n < 1_000; n++)
        {
            items.Add(n % 4 == 3 ? Tick((char)('a' + (n % 3)), n) : Bar(n));
        }

        // act
        var batches = await Source.From(items)
            .Via(SymbolConflation.CreateBatched<Item, char>(KeyOf, TimeSpan.Zero, capacity: 1_000, maxBatch: 7))
            .SelectAsync(1, async batch =>
            {
                await Task.Yield();
                return batch;
            })
            .RunWith(Sink.Seq<IReadOnlyList<Item>>(), Sys.Materializer());

        // assert: every bar exactly once and in order; no empty or oversized batch; the last tick of each key delivered
        var delivered = batches.SelectMany(b => b).ToList();
        Assert.All(batches, b => Assert.InRange(b.Count, 1, 7));
        Assert.Equal(items.Where(i => i.Key is null), delivered.Where(i => i.Key is null));
        foreach (var key in "abc")
        {
            var ticks = delivered.Where(i => i.Key == key).Select(i => i.N).ToList();
            Assert.Equal(ticks.Order(), ticks);
            Assert.Equal(items.Last(i => i.Key == key).N, ticks[^1]);
        }
    }

    [Fact]
    public async Task Should_back_pressure_upstream_once_the_kept_items_fill_the_buffer_while_the_consumer_waits()
    {
        // arrange: a consumer that takes nothing after its first batch
        var pulled = 0;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bars = Enumerable.Range(0, 1_000).Select(Bar);
        var run = Source.From(bars)
            .Select(bar =>
            {
                Interlocked.Increment(ref pulled);
                return bar;
            })
            .Via(SymbolConflation.CreateBatched<Item, char>(KeyOf, TimeSpan.Zero, capacity: 10, maxBatch: 100))
            .SelectAsync(1, async batch =>
            {
                await gate.Task;
                return batch;
            })
            .RunWith(Sink.Seq<IReadOnlyList<Item>>(), Sys.Materializer());

        // act
        await AwaitConditionAsync(() => Task.FromResult(Volatile.Read(ref pulled) >= 11), ProbeReading.Patience);
        await Task.Delay(300);
        var pulledWhileWaiting = Volatile.Read(ref pulled);
        gate.SetResult();
        var batches = await run;

        // assert: the first bar went on, ten waited, and upstream was asked for no more (one more is in flight at most)
        Assert.InRange(pulledWhileWaiting, 11, 12);
        Assert.Equal(bars, batches.SelectMany(b => b));
    }

    /// <summary>Bars and ticks of two keys that arrive while the consumer holds the first one.</summary>
    private static Item[] LaggedItems => [Bar(1), Tick('a', 1), Tick('a', 2), Bar(2), Tick('a', 3), Tick('b', 1), Bar(3), Tick('b', 2), Bar(4)];

    /// <summary>
    /// Runs <paramref name="flow"/> in front of a consumer that takes the first element and then waits until every item
    /// has entered the flow; returns what the consumer got.
    /// </summary>
    private async Task<IImmutableList<TOut>> BehindALaggingConsumerAsync<TOut>(Flow<Item, TOut, NotUsed> flow, Item[] items)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = 0;
        var ((queue, count), result) = Source.Queue<Item>(16, OverflowStrategy.Backpressure)
            .AlsoToMaterialized(Sink.ForEach<Item>(_ => Interlocked.Increment(ref seen)), Keep.Both)
            .Via(flow)
            .SelectAsync(1, async element =>
            {
                await gate.Task;
                return element;
            })
            .ToMaterialized(Sink.Seq<TOut>(), Keep.Both)
            .Run(Sys.Materializer());
        foreach (var item in items)
        {
            Assert.Equal(QueueOfferResult.Enqueued.Instance, await queue.OfferAsync(item));
        }

        await AwaitConditionAsync(() => Task.FromResult(Volatile.Read(ref seen) == items.Length), ProbeReading.Patience);
        gate.SetResult();
        queue.Complete();
        var delivered = await result;
        await count;
        return delivered;
    }

    private static Item Bar(int n) => new(null, n);

    private static Item Tick(char key, int n) => new(key, n);

    private static char? KeyOf(Item item) => item.Key;

    private static List<Item> TakeAll(ConflatingBuffer<Item, char> buffer, long nowMs)
    {
        var taken = new List<Item>();
        while (buffer.TryTake(nowMs, out var item))
        {
            taken.Add(item);
        }

        return taken;
    }

    /// <summary>A bar (no key: always kept) or a tick of a key (conflated).</summary>
    private sealed record Item(char? Key, int N);
}
