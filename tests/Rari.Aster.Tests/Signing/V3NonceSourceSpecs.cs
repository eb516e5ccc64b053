using Rari.Aster.Signing;

namespace Rari.Aster.Tests.Signing;

public sealed class V3NonceSourceSpecs
{
    [Fact]
    public void Should_use_the_clock_when_it_is_ahead_of_the_last_nonce()
    {
        // arrange
        var source = new V3NonceSource(() => 1_750_000_000_123_000, lastIssued: 1_750_000_000_000_000);

        // act
        var nonce = source.Next();

        // assert
        Assert.Equal(1_750_000_000_123_000, nonce);
        Assert.Equal(nonce, source.LastIssued);
    }

    [Fact]
    public void Should_count_up_from_the_persisted_nonce_when_the_clock_is_behind_it_after_a_restart()
    {
        // arrange: the previous run issued nonces ahead of the (now slower) clock
        var source = new V3NonceSource(() => 1_000, lastIssued: 5_000);

        // act
        var nonces = new[] { source.Next(), source.Next(), source.Next() };

        // assert
        Assert.Equal([5_001, 5_002, 5_003], nonces);
    }

    [Fact]
    public void Should_stay_strictly_increasing_when_called_many_times_within_one_microsecond()
    {
        // arrange
        var source = new V3NonceSource(() => 1_750_000_000_000_000, lastIssued: 0);

        // act
        var nonces = Enumerable.Range(0, 1_000).Select(_ => source.Next()).ToArray();

        // assert
        Assert.Equal(1_750_000_000_000_000, nonces[0]);
        Assert.Equal(1_750_000_000_000_999, nonces[^1]);
        Assert.All(nonces.Zip(nonces.Skip(1)), pair => Assert.Equal(pair.First + 1, pair.Second));
    }

    [Fact]
    public void Should_stay_strictly_increasing_over_a_clock_that_jumps_back_and_forth()
    {
        // arrange
        var random = new Random(4225);
        var now = 1_750_000_000_000_000L;
        var source = new V3NonceSource(() => now, lastIssued: 0);
        var previous = 0L;
        for (var i = 0; i < 10_000; i++)
        {
            now += random.Next(-2_000_000, 2_000_000); // ±2 s steps, including backwards

            // act
            var nonce = source.Next();

            // assert
            Assert.True(nonce > previous, $"nonce {nonce} after {previous}");
            Assert.True(nonce >= now, "never behind the clock");
            previous = nonce;
        }
    }

    [Fact]
    public void Should_hand_out_distinct_nonces_to_concurrent_callers()
    {
        // arrange
        var source = new V3NonceSource(() => 42, lastIssued: 0);

        // act
        var nonces = new long[4_000];
        Parallel.For(0, nonces.Length, i => nonces[i] = source.Next());

        // assert
        Assert.Equal(nonces.Length, nonces.Distinct().Count());
        Assert.Equal(42 + nonces.Length - 1, source.LastIssued);
    }

    [Theory]
    [InlineData(10, 3, 10)]
    [InlineData(10, 10, 11)]
    [InlineData(10, 20, 21)]
    public void Should_compute_max_of_clock_and_last_plus_one(long now, long last, long expected)
    {
        // act
        var next = V3NonceSource.Next(now, last);

        // assert
        Assert.Equal(expected, next);
    }

    [Fact]
    public void Should_refuse_a_negative_seed_and_overflow()
    {
        // act + assert
        Assert.Throws<ArgumentOutOfRangeException>(() => new V3NonceSource(() => 1, -1));
        Assert.Throws<OverflowException>(() => V3NonceSource.Next(0, long.MaxValue));
    }
}
