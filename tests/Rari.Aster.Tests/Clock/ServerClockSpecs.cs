using Microsoft.Extensions.Time.Testing;
using Rari.Aster.Clock;

namespace Rari.Aster.Tests.Clock;

public sealed class ServerClockSpecs
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_750_000_000_000);

    [Fact]
    public async Task Should_measure_the_offset_from_the_midpoint_of_the_round_trip()
    {
        // arrange
        var time = new FakeTimeProvider(Start);
        using var clock = new ServerClock(time, samples: 1, TimeSpan.FromMinutes(5));

        // The server reads its clock (5 s ahead) half-way through a 120 ms round trip.
        async Task<long> FetchAsync(CancellationToken _)
        {
            time.Advance(TimeSpan.FromMilliseconds(60));
            var server = time.GetUtcNow().ToUnixTimeMilliseconds() + 5_000;
            time.Advance(TimeSpan.FromMilliseconds(60));
            await Task.Yield();
            return server;
        }

        // act
        var skew = await clock.SyncAsync(FetchAsync, CancellationToken.None);

        // assert
        Assert.Equal(new ClockSkew(5_000, 120, Start.ToUnixTimeMilliseconds() + 120, 1), skew);
        Assert.Equal(5_000, clock.OffsetMs);
        Assert.Equal(time.GetUtcNow().ToUnixTimeMilliseconds() + 5_000, clock.NowMs);
        Assert.Equal((time.GetUtcNow().ToUnixTimeMilliseconds() + 5_000) * 1000, clock.NowMicros);
    }

    [Fact]
    public async Task Should_keep_the_sample_with_the_shortest_round_trip()
    {
        // arrange
        var time = new FakeTimeProvider(Start);
        using var clock = new ServerClock(time, samples: 3, TimeSpan.FromMinutes(5));
        var samples = new Queue<(int Before, int After, long Skew)>([(400, 20, -700), (30, 30, -750), (10, 300, -900)]);

        // Asymmetric delays make long round trips lie about the offset; the 60 ms sample is the truthful one.
        Task<long> FetchAsync(CancellationToken _)
        {
            var (before, after, skewMs) = samples.Dequeue();
            time.Advance(TimeSpan.FromMilliseconds(before));
            var server = time.GetUtcNow().ToUnixTimeMilliseconds() + skewMs;
            time.Advance(TimeSpan.FromMilliseconds(after));
            return Task.FromResult(server);
        }

        // act
        var skew = await clock.SyncAsync(FetchAsync, CancellationToken.None);

        // assert
        Assert.Equal(-750, skew.OffsetMs);
        Assert.Equal(60, skew.RoundTripMs);
        Assert.Equal(3, skew.Samples);
    }

    [Fact]
    public async Task Should_measure_again_only_when_the_measurement_is_stale_or_invalidated()
    {
        // arrange
        var time = new FakeTimeProvider(Start);
        using var clock = new ServerClock(time, samples: 2, TimeSpan.FromMinutes(5));
        var calls = 0;
        Task<long> FetchAsync(CancellationToken _)
        {
            calls++;
            return Task.FromResult(time.GetUtcNow().ToUnixTimeMilliseconds() + 250);
        }

        // act
        await clock.EnsureSyncedAsync(FetchAsync, CancellationToken.None);
        await clock.EnsureSyncedAsync(FetchAsync, CancellationToken.None);
        var afterFirst = calls;
        time.Advance(TimeSpan.FromMinutes(5));
        await clock.EnsureSyncedAsync(FetchAsync, CancellationToken.None);
        var afterStale = calls;
        clock.Invalidate();
        var freshAfterInvalidate = clock.IsFresh;
        await clock.EnsureSyncedAsync(FetchAsync, CancellationToken.None);

        // assert
        Assert.Equal(2, afterFirst);
        Assert.Equal(4, afterStale);
        Assert.False(freshAfterInvalidate);
        Assert.Equal(6, calls);
        Assert.True(clock.IsFresh);
        Assert.Equal(250, clock.OffsetMs);
    }

    [Fact]
    public async Task Should_share_one_measurement_between_concurrent_callers()
    {
        // arrange
        var time = new FakeTimeProvider(Start);
        using var clock = new ServerClock(time, samples: 1, TimeSpan.FromMinutes(5));
        var calls = 0;
        var release = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<long> FetchAsync(CancellationToken _)
        {
            Interlocked.Increment(ref calls);
            return release.Task;
        }

        // act
        var callers = Enumerable.Range(0, 8).Select(_ => clock.EnsureSyncedAsync(FetchAsync, CancellationToken.None)).ToArray();
        release.SetResult(Start.ToUnixTimeMilliseconds() - 42);
        await Task.WhenAll(callers);

        // assert
        Assert.Equal(1, calls);
        Assert.Equal(-42, clock.OffsetMs);
    }

    [Fact]
    public void Should_read_local_time_before_the_first_measurement()
    {
        // arrange
        var time = new FakeTimeProvider(Start.AddTicks(1_234_007 * TimeSpan.TicksPerMicrosecond));
        using var clock = new ServerClock(time, samples: 1, TimeSpan.FromMinutes(5));

        // act
        var nowMicros = clock.NowMicros;

        // assert
        Assert.Null(clock.Skew);
        Assert.False(clock.IsFresh);
        Assert.Equal(0, clock.OffsetMs);
        Assert.Equal((Start.ToUnixTimeMilliseconds() * 1000) + 1_234_007, nowMicros);
    }
}
