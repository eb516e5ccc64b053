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
        // arrange: the consumer takes the first item and then waits for the gate; everything else arrives meanwhile
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = 0;
        var ((queue, count), result) = Source.Queue<Item>(16, OverflowStrategy.Backpressure)
            .AlsoToMaterialized(Sink.ForEach<Item>(_ => Interlocked.Increment(ref seen)), Keep.Both)
            .Via(SymbolConflation.Create<Item, char>(KeyOf, TimeSpan.Zero))
            .SelectAsync(1, async item =>
            {
                await gate.Task;
                return item;
            })
            .ToMaterialized(Sink.Seq<Item>(), Keep.Both)
            .Run(Sys.Materializer());
        Item[] items = [Bar(1), Tick('a', 1), Tick('a', 2), Bar(2), Tick('a', 3), Tick('b', 1), Bar(3), Tick('b', 2), Bar(4)];

        // act
        foreach (var item in items)
        {
            Assert.Equal(QueueOfferResult.Enqueued.Instance, await queue.OfferAsync(item));
        }

        await AwaitConditionAsync(() => Task.FromResult(Volatile.Read(ref seen) == items.Length), ProbeReading.Patience);
        gate.SetResult();
        queue.Complete();
        var delivered = await result;
        await count;

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
