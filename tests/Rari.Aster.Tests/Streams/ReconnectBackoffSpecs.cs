using Rari.Aster.Streams;

namespace Rari.Aster.Tests.Streams;

public sealed class ReconnectBackoffSpecs
{
    [Fact]
    public void Should_double_the_delay_up_to_the_maximum()
    {
        // arrange
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), jitter: 0, seed: 1);

        // act
        var delays = Enumerable.Range(0, 9).Select(backoff.Next).Select(d => (long)d.TotalMilliseconds);

        // assert
        Assert.Equal([500L, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000], delays);
    }

    [Fact]
    public void Should_take_the_same_jitter_off_for_the_same_seed()
    {
        // arrange
        var first = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), jitter: 0.5, seed: 42);
        var second = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), jitter: 0.5, seed: 42);
        var other = new ReconnectBackoff(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), jitter: 0.5, seed: 43);

        // act
        var a = Enumerable.Range(0, 6).Select(first.Next).ToList();
        var b = Enumerable.Range(0, 6).Select(second.Next).ToList();
        var c = Enumerable.Range(0, 6).Select(other.Next).ToList();

        // assert
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal([333L, 930, 1_874, 2_954, 7_326, 13_899], a.Select(d => (long)d.TotalMilliseconds));
    }

    [Fact]
    public void Should_keep_every_jittered_delay_between_its_floor_and_its_ceiling()
    {
        // arrange
        var random = new Random(7);
        for (var run = 0; run < 300; run++)
        {
            var initial = TimeSpan.FromMilliseconds(random.Next(1, 2_000));
            var max = initial + TimeSpan.FromMilliseconds(random.Next(0, 60_000));
            var jitter = random.NextDouble();
            var backoff = new ReconnectBackoff(initial, max, jitter, random.Next());

            // act / assert
            for (var attempt = 0; attempt < 30; attempt++)
            {
                var ceiling = backoff.Ceiling(attempt).TotalMilliseconds;
                var delay = backoff.Next(attempt).TotalMilliseconds;
                Assert.InRange(delay, Math.Max(1, Math.Floor(ceiling * (1 - jitter))), Math.Ceiling(ceiling));
                Assert.True(ceiling <= max.TotalMilliseconds);
            }
        }
    }

    [Theory]
    [InlineData(0, 1_000, 0.5)]
    [InlineData(500, 100, 0.5)]
    [InlineData(500, 1_000, 1.5)]
    [InlineData(500, 1_000, -0.1)]
    public void Should_refuse_settings_that_make_no_sense(int initialMs, int maxMs, double jitter)
    {
        // act
        var refused = Record.Exception(() => new ReconnectBackoff(TimeSpan.FromMilliseconds(initialMs), TimeSpan.FromMilliseconds(maxMs), jitter, 1));

        // assert
        Assert.IsType<ArgumentOutOfRangeException>(refused);
    }
}
