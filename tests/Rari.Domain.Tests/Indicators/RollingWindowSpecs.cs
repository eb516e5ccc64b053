using Rari.Domain.Indicators;

namespace Rari.Domain.Tests.Indicators;

public sealed class RollingWindowSpecs
{
    [Fact]
    public void Should_index_by_lag_and_evict_the_oldest_value_when_full()
    {
        // arrange
        var window = new RollingWindow<double>(3);
        window.Add(1);
        window.Add(2);
        window.Add(3);

        // act
        var evictedAny = window.Add(4, out var evicted);

        // assert
        Assert.True(evictedAny);
        Assert.Equal(1, evicted); // <--
        Assert.Equal(4, window[0]);
        Assert.Equal(3, window[1]);
        Assert.Equal(2, window[2]);
        Assert.Equal(4, window.Newest);
        Assert.Equal(2, window.Oldest);
        Assert.True(window.IsFull);
        Assert.Equal(3, window.Count);
    }

    [Fact]
    public void Should_report_no_eviction_while_filling()
    {
        // arrange
        var window = new RollingWindow<double>(2);

        // act
        var evictedAny = window.Add(7, out var evicted);

        // assert
        Assert.False(evictedAny);
        Assert.Equal(0, evicted);
        Assert.False(window.IsFull);
        Assert.Equal(1, window.Count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Should_reject_a_lag_outside_the_held_values(int lag)
    {
        // arrange
        var window = new RollingWindow<double>(5);
        window.Add(1);
        window.Add(2);

        // act + assert
        Assert.Throws<ArgumentOutOfRangeException>(() => window[lag]);
    }

    [Fact]
    public void Should_be_empty_after_clear()
    {
        // arrange
        var window = new RollingWindow<double>(2);
        window.Add(1);
        window.Add(2);

        // act
        window.Clear();
        window.Add(9);

        // assert
        Assert.Equal(1, window.Count);
        Assert.Equal(9, window.Oldest);
    }

    [Fact]
    public void Should_reject_a_capacity_below_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingWindow<double>(0));
    }

    [Fact]
    public void Should_hold_exactly_the_last_values_for_many_generated_sequences()
    {
        var random = new Random(20240601);
        for (var run = 0; run < 200; run++)
        {
            // arrange
            var capacity = random.Next(1, 12);
            var window = new RollingWindow<int>(capacity);
            var history = new List<int>();

            for (var step = 0; step < 50; step++)
            {
                // act
                var value = random.Next();
                var evictedAny = window.Add(value, out var evicted);
                history.Add(value);

                // assert
                Assert.Equal(Math.Min(history.Count, capacity), window.Count);
                Assert.Equal(history.Count > capacity, evictedAny);
                if (evictedAny)
                {
                    Assert.Equal(history[^(capacity + 1)], evicted);
                }

                for (var lag = 0; lag < window.Count; lag++)
                {
                    Assert.Equal(history[^(lag + 1)], window[lag]);
                }
            }
        }
    }
}
