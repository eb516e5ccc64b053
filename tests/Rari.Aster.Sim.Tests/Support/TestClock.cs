namespace Rari.Aster.Sim.Tests.Support;

/// <summary>A wall clock a test sets by hand; timers still run on real time.</summary>
internal sealed class TestClock(long nowMs) : TimeProvider
{
    private long _nowMs = nowMs;

    public long NowMs
    {
        get => Interlocked.Read(ref _nowMs);
        set => Interlocked.Exchange(ref _nowMs, value);
    }

    public void Advance(TimeSpan by) => Interlocked.Add(ref _nowMs, (long)by.TotalMilliseconds);

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(NowMs);
}
