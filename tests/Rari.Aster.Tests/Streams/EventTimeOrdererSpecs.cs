using Rari.Aster.Streams;

namespace Rari.Aster.Tests.Streams;

public sealed class EventTimeOrdererSpecs
{
    [Fact]
    public void Should_hold_events_for_the_window_and_release_them_in_event_time_order()
    {
        // arrange
        var orderer = new EventTimeOrderer<string>(100);
        orderer.Add("c", eventTimeMs: 30, arrivalMs: 1_000);
        orderer.Add("a", eventTimeMs: 10, arrivalMs: 1_020);
        orderer.Add("b", eventTimeMs: 20, arrivalMs: 1_050);

        // act
        var early = orderer.TakeDue(1_099);
        var due = orderer.TakeDue(1_100);

        // assert
        Assert.Empty(early);
        Assert.Equal(["a", "b", "c"], due);
        Assert.Equal(0, orderer.Count);
        Assert.Equal(0, orderer.LateCount);
    }

    [Fact]
    public void Should_release_only_what_precedes_the_oldest_due_event()
    {
        // arrange
        var orderer = new EventTimeOrderer<string>(100);
        orderer.Add("b", eventTimeMs: 20, arrivalMs: 1_000);
        orderer.Add("a", eventTimeMs: 10, arrivalMs: 1_050);
        orderer.Add("d", eventTimeMs: 40, arrivalMs: 1_060);

        // act
        var first = orderer.TakeDue(1_100);
        var next = orderer.NextDueMs;
        var second = orderer.TakeDue(1_160);

        // assert
        Assert.Equal(["a", "b"], first);
        Assert.Equal(1_160, next);
        Assert.Equal(["d"], second);
    }

    [Fact]
    public void Should_pass_a_straggler_on_late_rather_than_drop_it()
    {
        // arrange
        var orderer = new EventTimeOrderer<string>(50);
        orderer.Add("b", eventTimeMs: 20, arrivalMs: 0);
        var first = orderer.TakeDue(50);
        orderer.Add("a", eventTimeMs: 10, arrivalMs: 60);

        // act
        var late = orderer.TakeDue(110);

        // assert
        Assert.Equal(["b"], first);
        Assert.Equal(["a"], late);
        Assert.Equal(1, orderer.LateCount);
    }

    [Fact]
    public void Should_pass_everything_straight_through_with_a_zero_window()
    {
        // arrange
        var orderer = new EventTimeOrderer<string>(0);

        // act
        orderer.Add("x", eventTimeMs: 5, arrivalMs: 7);
        var released = orderer.TakeDue(7);

        // assert
        Assert.Equal(["x"], released);
    }

    [Fact]
    public void Should_release_events_sorted_whenever_they_arrive_within_one_window_of_each_other()
    {
        // arrange: 200 streams of events, each with arrival jitter below the window
        var random = new Random(4_711);
        for (var run = 0; run < 200; run++)
        {
            const long window = 100;
            var orderer = new EventTimeOrderer<long>(window);
            var released = new List<long>();
            var pending = Enumerable.Range(0, 60)
                .Select(i => (EventTime: i * 10L + random.Next(0, 3), Arrival: (i * 10L) + random.Next(0, (int)window - 5)))
                .OrderBy(e => e.Arrival)
                .ToList();

            // act
            foreach (var (eventTime, arrival) in pending)
            {
                released.AddRange(orderer.TakeDue(arrival));
                orderer.Add(eventTime, eventTime, arrival);
            }

            released.AddRange(orderer.TakeDue(long.MaxValue / 2));

            // assert
            Assert.Equal(pending.Select(p => p.EventTime).Order(), released);
            Assert.Equal(0, orderer.LateCount);
        }
    }

    [Fact]
    public void Should_never_hold_an_event_longer_than_the_window()
    {
        // arrange
        var random = new Random(99);
        var orderer = new EventTimeOrderer<(long Arrival, long Id)>(80);
        var now = 0L;

        // act / assert
        for (var i = 0; i < 2_000; i++)
        {
            now += random.Next(0, 30);
            foreach (var released in orderer.TakeDue(now))
            {
                Assert.InRange(now - released.Arrival, 0, 80 + 30);
            }

            orderer.Add((now, i), random.Next(0, 100_000), now);
        }
    }
}
