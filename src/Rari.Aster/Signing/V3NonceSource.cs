namespace Rari.Aster.Signing;

/// <summary>
/// Issues V3 <c>nonce</c> values: microseconds since the epoch, strictly increasing even when called many times
/// within one microsecond, when the clock steps back, and across restarts (fact sheet §2.3.5).
/// </summary>
/// <remarks>
/// The venue keeps the last 100 nonces per user and rejects repeats and values older than the oldest kept, so
/// every nonce must exceed the previous one: next = max(clock, last + 1). Seed it with the last nonce issued
/// before a restart; storing <see cref="LastIssued"/> is the caller's job. Thread-safe.
/// </remarks>
public sealed class V3NonceSource
{
    private readonly Func<long> _clockMicros;
    private long _lastIssued;

    /// <summary>Starts after <paramref name="lastIssued"/> (0 when nothing was ever issued).</summary>
    /// <param name="clockMicros">Current time in epoch microseconds.</param>
    /// <param name="lastIssued">The last nonce issued before, e.g. before a restart.</param>
    public V3NonceSource(Func<long> clockMicros, long lastIssued)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lastIssued);
        _clockMicros = clockMicros;
        _lastIssued = lastIssued;
    }

    /// <summary>The nonce most recently returned by <see cref="Next()"/>, or the seed.</summary>
    public long LastIssued => Volatile.Read(ref _lastIssued);

    /// <summary>The next nonce for a time and the previous nonce: max(now, last + 1).</summary>
    public static long Next(long nowMicros, long lastIssued) => Math.Max(nowMicros, checked(lastIssued + 1));

    /// <summary>Issues the next nonce, greater than every nonce issued before.</summary>
    public long Next()
    {
        while (true)
        {
            var last = Volatile.Read(ref _lastIssued);
            var next = Next(_clockMicros(), last);
            if (Interlocked.CompareExchange(ref _lastIssued, next, last) == last)
            {
                return next;
            }
        }
    }
}
