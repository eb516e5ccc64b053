namespace Rari.Aster.Clock;

/// <summary>
/// The venue's clock as seen from here: local time plus an offset measured against <c>GET /time</c>. V1
/// timestamps, V3 nonces and rate-limit windows are all read from it, so a skewed local clock does not get
/// requests refused (−1021, −4225).
/// </summary>
/// <remarks>
/// <para>Each measurement takes a few samples. For each, the server's time is compared with the midpoint of the
/// round trip (the server most likely read its clock half-way); the sample with the shortest round trip wins,
/// because its midpoint is the least uncertain.</para>
/// <para>Thread-safe. Concurrent callers of <see cref="EnsureSyncedAsync"/> share one measurement.</para>
/// </remarks>
public sealed class ServerClock : IDisposable
{
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _syncGate = new(1, 1);
    private ClockSkew? _skew;
    private long _offsetMs;
    private int _stale;

    /// <summary>Creates an unsynchronised clock (offset 0) over <paramref name="time"/>.</summary>
    /// <param name="time">The local clock; <see cref="TimeProvider.System"/> in production.</param>
    /// <param name="samples">Round trips per measurement, at least 1.</param>
    /// <param name="resyncInterval">How old a measurement may get before <see cref="EnsureSyncedAsync"/> measures again.</param>
    public ServerClock(TimeProvider time, int samples, TimeSpan resyncInterval)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resyncInterval, TimeSpan.Zero);
        _time = time;
        Samples = samples;
        ResyncInterval = resyncInterval;
    }

    /// <summary>Round trips per measurement.</summary>
    public int Samples { get; }

    /// <summary>How old a measurement may get before it is repeated.</summary>
    public TimeSpan ResyncInterval { get; }

    /// <summary>Server time minus local time, in ms; 0 until the first measurement.</summary>
    public long OffsetMs => Interlocked.Read(ref _offsetMs);

    /// <summary>The latest measurement, or null before the first.</summary>
    public ClockSkew? Skew => Volatile.Read(ref _skew);

    /// <summary>Whether a measurement exists and is younger than <see cref="ResyncInterval"/>.</summary>
    public bool IsFresh =>
        Volatile.Read(ref _stale) == 0 && Skew is { } skew && LocalNowMs - skew.MeasuredAtMs < (long)ResyncInterval.TotalMilliseconds;

    /// <summary>The estimated server time, UTC epoch milliseconds.</summary>
    public long NowMs => LocalNowMs + OffsetMs;

    /// <summary>The estimated server time, UTC epoch microseconds (for V3 nonces).</summary>
    public long NowMicros =>
        ((_time.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond) + (OffsetMs * 1000);

    private long LocalNowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Measures the offset now, whatever the age of the last measurement.</summary>
    /// <param name="fetchServerTimeMs">Calls <c>GET /time</c> and returns <c>serverTime</c>.</param>
    /// <param name="cancellationToken">Stops the measurement.</param>
    public async Task<ClockSkew> SyncAsync(Func<CancellationToken, Task<long>> fetchServerTimeMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetchServerTimeMs);
        await _syncGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await MeasureAsync(fetchServerTimeMs, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _syncGate.Release();
        }
    }

    /// <summary>Measures the offset if there is no fresh measurement; concurrent callers wait for one measurement.</summary>
    public async Task EnsureSyncedAsync(Func<CancellationToken, Task<long>> fetchServerTimeMs, CancellationToken cancellationToken)
    {
        if (IsFresh)
        {
            return;
        }

        await _syncGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsFresh)
            {
                await MeasureAsync(fetchServerTimeMs, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _syncGate.Release();
        }
    }

    /// <summary>Marks the measurement stale, e.g. after the venue refused a timestamp (−1021), so the next caller measures again.</summary>
    public void Invalidate() => Volatile.Write(ref _stale, 1);

    /// <summary>Releases the measurement gate.</summary>
    public void Dispose() => _syncGate.Dispose();

    private async Task<ClockSkew> MeasureAsync(Func<CancellationToken, Task<long>> fetchServerTimeMs, CancellationToken cancellationToken)
    {
        (long Offset, long RoundTrip)? best = null;
        for (var i = 0; i < Samples; i++)
        {
            var sentAtMs = LocalNowMs;
            var started = _time.GetTimestamp();
            var serverMs = await fetchServerTimeMs(cancellationToken).ConfigureAwait(false);
            var roundTripMs = (long)Math.Round(_time.GetElapsedTime(started).TotalMilliseconds, MidpointRounding.AwayFromZero);
            var offset = serverMs - (sentAtMs + (roundTripMs / 2));
            if (best is null || roundTripMs < best.Value.RoundTrip)
            {
                best = (offset, roundTripMs);
            }
        }

        var skew = new ClockSkew(best!.Value.Offset, best.Value.RoundTrip, LocalNowMs, Samples);
        Interlocked.Exchange(ref _offsetMs, skew.OffsetMs);
        Volatile.Write(ref _skew, skew);
        Volatile.Write(ref _stale, 0);
        return skew;
    }
}
